using SearchApi.Core.Entities;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// The one write path: entities are linked, statements go to the store (which makes them durable and numbers them),
/// then the index catches up from the store.
/// </summary>
public sealed class IngestionService(IStatementStore store, IndexSynchronizer synchronizer, EntityLinker linker)
{
    public async Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        var linked = statements.Select(s => s with { Entities = linker.Link(s.Title, s.Text) }).ToList();
        var results = await store.UpsertAsync(linked, cancellationToken);
        if (results.Any(r => r.Outcome != WriteOutcome.Unchanged)) await synchronizer.CatchUpAsync(cancellationToken);
        return results;
    }
}
