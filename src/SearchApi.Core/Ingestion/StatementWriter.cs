using SearchApi.Core.Entities;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>The store half of the write path: links entities, commits statements and deletions to the store (which numbers them), counts what happened.</summary>
public sealed class StatementWriter(IStatementStore store, EntityLinker linker)
{
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        var linked = new Statement[statements.Count];
        // Linking is pure CPU work on independent statements: spread it over the cores.
        Parallel.For(0, statements.Count, i => linked[i] = statements[i] with { Entities = linker.Link(statements[i]) });
        var results = await store.UpsertAsync(linked, cancellationToken);
        IngestMetrics.Record(results);
        return results;
    }

    public async Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await store.DeleteAsync(id, cancellationToken);
        IngestMetrics.Record([result]);
        return result;
    }
}
