using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// Brings the index up to the store: applies every change after the index's recorded sequence number, in order.
/// The only writer of the index. A store from which the index was not built causes a full rebuild in place; an
/// explicit rebuild builds a new generation beside the one in service and swaps it in when caught up.
/// </summary>
public sealed class IndexSynchronizer(IStatementStore store, IndexCatalog catalog, ILogger<IndexSynchronizer> logger)
{
    public const int BatchSize = 1_000;

    /// <summary>Changes after which a quiet index is merged into one segment.</summary>
    public const int MergeAfterChanges = 1_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _changesSinceMerge;
    private long _lastChangeTicks = Environment.TickCount64;
    private int _merging;
    private long _storeSeq;
    private long _caughtUpTicks;

    /// <summary>The last store sequence number the index in service holds.</summary>
    public long IndexedSeq => catalog.Current.IndexedSeq;

    /// <summary>The store's last sequence number when it was last asked (each catch-up asks).</summary>
    public long StoreSeq => Interlocked.Read(ref _storeSeq);

    /// <summary>When the index last held everything the store had; null before the first catch-up completes.</summary>
    public DateTimeOffset? CaughtUpAt => Interlocked.Read(ref _caughtUpTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Applies all pending store changes, commits and refreshes searchers. Returns the sequence number reached.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var index = catalog.Current;
            var state = await store.GetStateAsync(cancellationToken);
            if (index.StoreId != state.StoreId || index.IndexedSeq > state.LastSeq)
            {
                if (index.StoreId is null) logger.LogInformation("Building the index from store {StoreId}", state.StoreId);
                else logger.LogWarning("The index was built from another store or is ahead of it; rebuilding it from store {StoreId}", state.StoreId);
                index.Reset(state.StoreId);
            }
            Interlocked.Exchange(ref _storeSeq, state.LastSeq);
            var reached = await ApplyChangesAsync(index, state.LastSeq, cancellationToken);
            if (reached >= state.LastSeq) Interlocked.Exchange(ref _caughtUpTicks, DateTimeOffset.UtcNow.UtcTicks);
            return reached;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Merges the index into one segment in the background once it has taken <see cref="MergeAfterChanges"/> changes
    /// and then none for <paramref name="quiet"/>: a bulk load is merged once, after it ends, not after every batch.
    /// Returns the merge under way, or null when none was started.
    /// </summary>
    public Task? MergeWhenQuiet(TimeSpan quiet)
    {
        if (Interlocked.Read(ref _changesSinceMerge) < MergeAfterChanges) return null;
        if (Environment.TickCount64 - Interlocked.Read(ref _lastChangeTicks) < quiet.TotalMilliseconds) return null;
        if (Interlocked.CompareExchange(ref _merging, 1, 0) != 0) return null;
        Interlocked.Exchange(ref _changesSinceMerge, 0);
        return Task.Run(() =>
        {
            try
            {
                MergeNow();
            }
            catch (Exception e)
            {
                // The index stays as it was, in several segments; the next quiet period tries again.
                logger.LogError(e, "Merging the index failed");
                Interlocked.Add(ref _changesSinceMerge, MergeAfterChanges);
            }
            finally
            {
                Interlocked.Exchange(ref _merging, 0);
            }
        });
    }

    /// <summary>Merges the index into one segment now (an operator's ingest does so before it exits).</summary>
    public void MergeNow()
    {
        var index = catalog.Current;
        if (index.SegmentCount <= 1) return;
        var started = Environment.TickCount64;
        index.Optimize();
        logger.LogInformation("Index merged into one segment in {Ms} ms", Environment.TickCount64 - started);
    }

    /// <summary>
    /// Rebuilds the index from the store without downtime: a new generation is filled while the current one keeps
    /// serving (and keeps being caught up), then caught up to the last write and put in service.
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = DateTimeOffset.UtcNow;
        var (fresh, folder) = catalog.CreateGeneration();
        try
        {
            var state = await store.GetStateAsync(cancellationToken);
            fresh.Reset(state.StoreId);
            await ApplyChangesAsync(fresh, state.LastSeq, cancellationToken, progress);
            // Merged before the swap, outside the gate: the index in service keeps catching up meanwhile.
            fresh.Optimize();
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var latest = await store.GetStateAsync(cancellationToken);
                await ApplyChangesAsync(fresh, latest.LastSeq, cancellationToken, progress);
                catalog.Swap(fresh, folder);
            }
            finally
            {
                _gate.Release();
            }
            logger.LogInformation("Index rebuilt: {Documents} statements up to sequence {Seq}", fresh.DocumentCount, fresh.IndexedSeq);
            return new RebuildResult(fresh.DocumentCount, fresh.IndexedSeq, DateTimeOffset.UtcNow - started);
        }
        catch
        {
            catalog.Discard(fresh, folder);
            throw;
        }
    }

    private async Task<long> ApplyChangesAsync(StatementIndex index, long upTo, CancellationToken cancellationToken, IProgress<long>? progress = null)
    {
        var from = index.IndexedSeq;
        var applied = 0;
        while (index.IndexedSeq < upTo)
        {
            var changes = await store.GetChangesAsync(index.IndexedSeq, BatchSize, cancellationToken);
            if (changes.Count == 0) break;
            index.Apply(changes);
            applied += changes.Count;
            IngestMetrics.ChangesIndexed.Add(changes.Count);
            progress?.Report(index.IndexedSeq);
        }
        if (applied > 0)
        {
            Interlocked.Add(ref _changesSinceMerge, applied);
            Interlocked.Exchange(ref _lastChangeTicks, Environment.TickCount64);
        }
        if (applied > 0 || from == 0)
        {
            index.Commit();
            index.Refresh();
            if (applied > 0) logger.LogDebug("Index caught up from sequence {From} to {To} ({Applied} changes)", from, index.IndexedSeq, applied);
        }
        return index.IndexedSeq;
    }
}

/// <summary>What a rebuild produced.</summary>
public sealed record RebuildResult(int Documents, long Seq, TimeSpan Took);
