using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// The one write path: entities are linked, statements go to the store (which makes them durable and numbers them),
/// then the index catches up from the store. While the index cannot take changes (its files are damaged and being
/// rebuilt, or cannot be written) writes are refused before anything is stored: a write is acknowledged only when it is
/// durable and will be searchable.
/// </summary>
public sealed class IngestionService(IStatementStore store, StatementWriter writer, IndexSynchronizer synchronizer, IndexCatalog catalog, ILogger<IngestionService> logger)
{
    /// <exception cref="IndexUnavailableException">The index cannot take changes now.</exception>
    public async Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default)
    {
        EnsureIndexTakesWrites();
        var results = await writer.WriteAsync(statements, cancellationToken);
        if (results.Any(r => r.Outcome != WriteOutcome.Unchanged)) await CatchUpAsync(cancellationToken);
        return results;
    }

    /// <exception cref="IndexUnavailableException">The index cannot take changes now.</exception>
    public async Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        EnsureIndexTakesWrites();
        var result = await store.DeleteAsync(id, cancellationToken);
        IngestMetrics.Record([result]);
        if (result.Outcome == WriteOutcome.Deleted) await CatchUpAsync(cancellationToken);
        return result;
    }

    private void EnsureIndexTakesWrites()
    {
        if (catalog.Damage is { } damage)
            throw new IndexUnavailableException($"The search index is being rebuilt from the store ({damage}); writes are refused until it is back, so that nothing acknowledged stays unsearchable. Try again shortly.");
        if (synchronizer.Failure is { } failure)
            throw new IndexUnavailableException($"The search index cannot take changes ({failure.Reason}) since {failure.Since:yyyy-MM-ddTHH:mm:ssZ}; writes are refused until it can. Try again shortly.");
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
