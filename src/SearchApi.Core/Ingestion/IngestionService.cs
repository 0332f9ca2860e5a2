using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>The one write path: statements go to the store (which makes them durable and numbers them), then the index catches up.</summary>
public sealed class IngestionService(IStatementStore store, IndexSynchronizer synchronizer)
{
    public async Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        var results = await store.UpsertAsync(statements, cancellationToken);
        if (results.Any(r => r.Outcome != WriteOutcome.Unchanged)) await synchronizer.CatchUpAsync(cancellationToken);
        return results;
    }
}
