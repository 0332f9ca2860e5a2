using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// Brings the index up to the store: applies every change after the index's recorded sequence number, in order.
/// The only writer of the index; a store from which the index was not built causes a full rebuild.
/// </summary>
public sealed class IndexSynchronizer(IStatementStore store, StatementIndex index, ILogger<IndexSynchronizer> logger)
{
    public const int BatchSize = 1_000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies all pending store changes, commits and refreshes searchers. Returns the sequence number reached.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = await store.GetStateAsync(cancellationToken);
            if (index.StoreId != state.StoreId || index.IndexedSeq > state.LastSeq)
            {
                if (index.StoreId is null) logger.LogInformation("Building the index from store {StoreId}", state.StoreId);
                else logger.LogWarning("The index was built from another store or is ahead of it; rebuilding it from store {StoreId}", state.StoreId);
                index.Reset(state.StoreId);
            }
            var from = index.IndexedSeq;
            var applied = 0;
            while (index.IndexedSeq < state.LastSeq)
            {
                var changes = await store.GetChangesAsync(index.IndexedSeq, BatchSize, cancellationToken);
                if (changes.Count == 0) break;
                index.Apply(changes);
                applied += changes.Count;
            }
            if (applied > 0 || from == 0)
            {
                index.Commit();
                index.Refresh();
                logger.LogInformation("Index caught up from sequence {From} to {To} ({Applied} changes)", from, index.IndexedSeq, applied);
            }
            return index.IndexedSeq;
        }
        finally
        {
            _gate.Release();
        }
    }
}
