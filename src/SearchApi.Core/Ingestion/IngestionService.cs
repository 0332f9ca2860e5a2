using Microsoft.Extensions.Logging;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// The one write path: entities are linked, statements go to the store (which makes them durable and numbers them),
/// then the index catches up from the store.
/// </summary>
public sealed class IngestionService(IStatementStore store, StatementWriter writer, IndexSynchronizer synchronizer, ILogger<IngestionService> logger)
{
    public async Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        var results = await writer.WriteAsync(statements, cancellationToken);
        if (results.Any(r => r.Outcome != WriteOutcome.Unchanged)) await CatchUpAsync(cancellationToken);
        return results;
    }

    public async Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await store.DeleteAsync(id, cancellationToken);
        IngestMetrics.Record([result]);
        if (result.Outcome == WriteOutcome.Deleted) await CatchUpAsync(cancellationToken);
        return result;
    }

    // The write is committed and acknowledged whatever happens here: a failed catch-up is retried by the store tail.
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await synchronizer.CatchUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The index could not catch up after a committed write; it will on the next tick");
        }
    }
}
