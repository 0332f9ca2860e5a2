using SearchApi.Core.Entities;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>The first half of the write path: links entities and commits statements to the store (which numbers them).</summary>
public sealed class StatementWriter(IStatementStore store, EntityLinker linker)
{
    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        var linked = new Statement[statements.Count];
        // Linking is pure CPU work on independent statements: spread it over the cores.
        Parallel.For(0, statements.Count, i => linked[i] = statements[i] with { Entities = linker.Link(statements[i].Title, statements[i].Text) });
        var results = await store.UpsertAsync(linked, cancellationToken);
        IngestMetrics.Record(results);
        return results;
    }
}
