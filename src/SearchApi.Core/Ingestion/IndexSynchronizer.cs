using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>Why the index has not been able to take the store's changes, and since when.</summary>
public sealed record CatchUpFailure(string Reason, DateTimeOffset Since);

/// <summary>
/// When the index commits. A write is searchable as soon as it is applied (a refresh, no disk flush); a commit makes
/// the index durable (an fsync) and records the store sequence it holds, so after a crash the index resumes from the
/// last commit and re-applies what came after from the store. Committing every <see cref="Interval"/> or every
/// <see cref="Changes"/> changes, whichever comes first, keeps commits off the path of every write.
/// </summary>
public sealed record IndexCommitPolicy(TimeSpan Interval, int Changes)
{
    public static readonly IndexCommitPolicy Default = new(TimeSpan.FromSeconds(10), 10_000);
}

/// <summary>
/// Brings the index up to the store: applies every change after the index's recorded sequence number, in order.
/// The only writer of the index. A store from which the index was not built causes a full rebuild in place; an
/// explicit rebuild builds a new generation beside the one in service and swaps it in when caught up. A statement the
/// index cannot take is skipped and recorded (<see cref="StatementIndex.Skipped"/>), never retried in a loop; a fault
/// of the index itself is remembered (<see cref="Failure"/>) until a catch-up succeeds again.
/// </summary>
public sealed class IndexSynchronizer(
    IStatementStore store, IndexCatalog catalog, ILogger<IndexSynchronizer> logger, TimeProvider? clock = null, IndexCommitPolicy? commits = null) : IIndexFollower
{
    public const int BatchSize = 1_000;

    /// <summary>Changes after which a quiet index is merged into one segment.</summary>
    public const int MergeAfterChanges = 1_000;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly IndexCommitPolicy _commits = commits ?? IndexCommitPolicy.Default;
    private long _lastCommitTicks = (clock ?? TimeProvider.System).GetUtcNow().UtcTicks;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _changesSinceMerge;
    private long _lastChangeTicks;
    private int _merging;
    private long _storeSeq;
    private long _caughtUpTicks;
    private CatchUpFailure? _failure;
    private bool _retriedSkipped;
    private bool _reopen;

    /// <summary>The last store sequence number searches of the index in service see.</summary>
    public long IndexedSeq => catalog.Current.SearchableSeq;

    /// <summary>The store's last sequence number when it was last asked (each catch-up asks).</summary>
    public long StoreSeq => Interlocked.Read(ref _storeSeq);

    /// <summary>
    /// The index build under way — a rebuild, or a new or emptied index filled from the store — with the store sequence
    /// it has reached and the one it fills to; null when none runs.
    /// </summary>
    public IndexBuildProgress? Build => Volatile.Read(ref _build);

    private IndexBuildProgress? _build;

    // Catch-ups shorter than this are not builds worth reporting.
    private const long BuildFrom = 5_000;

    /// <summary>When the index last held everything the store had; null before the first catch-up completes.</summary>
    public DateTimeOffset? CaughtUpAt => Interlocked.Read(ref _caughtUpTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Set while catching up fails for a reason of the index's own (its files, its folder); null once one succeeds.</summary>
    public CatchUpFailure? Failure => Volatile.Read(ref _failure);

    public string? WriteRefusal => catalog.Damage is { } damage
        ? $"The search index is being rebuilt from the store ({damage}); writes are refused until it is back, so that nothing acknowledged stays unsearchable. Try again shortly."
        : Failure is { } failure
            ? $"The search index cannot take changes ({failure.Reason}) since {failure.Since:yyyy-MM-ddTHH:mm:ssZ}; writes are refused until it can. Try again shortly."
            : null;

    Task IIndexFollower.CatchUpAsync(CancellationToken cancellationToken) => CatchUpAsync(cancellationToken);

    /// <summary>Catches up, commits and merges into one segment: the end of an operator's bulk load.</summary>
    public async Task FinishBulkLoadAsync(CancellationToken cancellationToken = default)
    {
        await CatchUpAsync(cancellationToken);
        await CommitAsync(force: true, cancellationToken);
        MergeNow();
    }

    /// <summary>Commits what was applied when the policy says it is time (the service's tail calls this every tick).</summary>
    public Task CommitIfDueAsync(CancellationToken cancellationToken = default) => CommitAsync(force: false, cancellationToken);

    /// <summary>Commits what was applied now (at shutdown, so a restart has nothing to re-apply).</summary>
    public Task CommitNowAsync(CancellationToken cancellationToken = default) => CommitAsync(force: true, cancellationToken);

    private async Task CommitAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var index = catalog.Current;
            if (!index.HasUncommittedChanges || !(force || CommitDue(index))) return;
            try
            {
                Commit(index);
            }
            catch (Exception e) when (IsIndexFault(e))
            {
                Fail(e);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool CommitDue(StatementIndex index) =>
        index.IndexedSeq - index.CommittedSeq >= _commits.Changes
        || _clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastCommitTicks) >= _commits.Interval.Ticks;

    private void Commit(StatementIndex index)
    {
        index.Commit();
        Interlocked.Exchange(ref _lastCommitTicks, _clock.GetUtcNow().UtcTicks);
    }

    /// <summary>Applies all pending store changes and refreshes searchers (committing when due). Returns the sequence number reached.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var state = await store.GetStateAsync(cancellationToken);
            try
            {
                if (!catalog.CurrentFolderExists) throw new DirectoryNotFoundException("the index folder was removed while in service");
                if (_reopen)
                {
                    catalog.Reopen();
                    _reopen = false;
                }
                var index = catalog.Current;
                if (index.StoreId != state.StoreId || index.IndexedSeq > state.LastSeq)
                {
                    if (index.StoreId is null) logger.LogInformation("Building the index from store {StoreId}", state.StoreId);
                    else logger.LogWarning("The index was built from another store or is ahead of it; rebuilding it from store {StoreId}", state.StoreId);
                    index.Reset(state.StoreId);
                }
                Interlocked.Exchange(ref _storeSeq, state.LastSeq);
                var reached = await ApplyChangesAsync(index, state.LastSeq, cancellationToken);
                if (!_retriedSkipped) await RetrySkippedAsync(index, cancellationToken);
                if (reached >= state.LastSeq) Interlocked.Exchange(ref _caughtUpTicks, _clock.GetUtcNow().UtcTicks);
                Volatile.Write(ref _failure, null);
                return reached;
            }
            catch (Exception e) when (IsIndexFault(e))
            {
                Fail(e);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // The index's files or writer failed (a store that cannot be read is the store's business, not the index's).
    private static bool IsIndexFault(Exception e) => e is IOException or UnauthorizedAccessException or ObjectDisposedException;

    private void Fail(Exception e)
    {
        var reason = IndexCatalog.DamageOf(e);
        if (Volatile.Read(ref _failure) is null)
        {
            logger.LogError(e, "The index could not take the store's changes");
            Volatile.Write(ref _failure, new CatchUpFailure(reason, _clock.GetUtcNow()));
        }
        // Missing files do not come back by themselves: the index is rebuilt from the store into a new generation.
        if (e is DirectoryNotFoundException or FileNotFoundException)
        {
            catalog.ReportDamage(reason);
            return;
        }
        // Anything else (a folder that refuses writes, a full disk, a failed flush): the writer may have lost what it
        // buffered, so it is given up and the folder reopened from its last commit once it can be, catching up from there.
        catalog.Current.AbandonWriter();
        _reopen = true;
    }

    /// <summary>Statements skipped by an earlier run are tried once more at start: the code that failed on them may have been fixed.</summary>
    private async Task RetrySkippedAsync(StatementIndex index, CancellationToken cancellationToken)
    {
        _retriedSkipped = true;
        var skipped = index.Skipped;
        if (skipped.Count == 0) return;
        var rows = new List<StoredStatement>();
        foreach (var record in skipped)
            if (await store.GetAsync(record.Id, cancellationToken) is { } row) rows.Add(row);
            else rows.Add(new StoredStatement(record.Seq, record.Id, true, null, "", _clock.GetUtcNow()));
        index.Apply(rows, _clock);
        index.Refresh();
        Commit(index);
        logger.LogInformation("Retried {Count} skipped statements; {Left} are still skipped", skipped.Count, index.Skipped.Count);
    }

    /// <summary>
    /// Merges the index into one segment in the background once it has taken <see cref="MergeAfterChanges"/> changes
    /// and then none for <paramref name="quiet"/>: a bulk load is merged once, after it ends, not after every batch.
    /// Returns the merge under way, or null when none was started.
    /// </summary>
    public Task? MergeWhenQuiet(TimeSpan quiet)
    {
        if (Interlocked.Read(ref _changesSinceMerge) < MergeAfterChanges) return null;
        if (_clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastChangeTicks) < quiet.Ticks) return null;
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
        var started = _clock.GetTimestamp();
        index.Optimize();
        logger.LogInformation("Index merged into one segment in {Ms} ms", (long)_clock.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>
    /// Rebuilds the index from the store without downtime: a new generation is filled while the current one keeps
    /// serving (and keeps being caught up), then caught up to the last write and put in service.
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = _clock.GetUtcNow();
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
                _reopen = false;
                Interlocked.Exchange(ref _storeSeq, latest.LastSeq);
                Interlocked.Exchange(ref _caughtUpTicks, _clock.GetUtcNow().UtcTicks);
                Volatile.Write(ref _failure, null);
            }
            finally
            {
                _gate.Release();
            }
            logger.LogInformation("Index rebuilt: {Documents} statements up to sequence {Seq}, {Skipped} skipped", fresh.DocumentCount, fresh.IndexedSeq, fresh.Skipped.Count);
            return new RebuildResult(fresh.DocumentCount, fresh.IndexedSeq, _clock.GetUtcNow() - started);
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
        var build = upTo - from >= BuildFrom ? new IndexBuildProgress(from, from, upTo, _clock.GetUtcNow()) : null;
        if (build is not null) Volatile.Write(ref _build, build);
        try
        {
            while (index.IndexedSeq < upTo)
            {
                var changes = await store.GetChangesAsync(index.IndexedSeq, BatchSize, cancellationToken);
                if (changes.Count == 0) break;
                var skippedBefore = index.Skipped.Count;
                index.Apply(changes, _clock);
                applied += changes.Count;
                IngestMetrics.ChangesIndexed.Add(changes.Count);
                if (index.Skipped.Count > skippedBefore)
                    logger.LogWarning("{Count} statements could not be indexed and were skipped (GET /api/v1/admin/skipped lists them)", index.Skipped.Count - skippedBefore);
                if (build is not null) Volatile.Write(ref _build, build = build with { Reached = index.IndexedSeq });
                progress?.Report(index.IndexedSeq);
            }
        }
        finally
        {
            if (build is not null) Interlocked.CompareExchange(ref _build, null, build);
        }
        if (applied > 0)
        {
            Interlocked.Add(ref _changesSinceMerge, applied);
            Interlocked.Exchange(ref _lastChangeTicks, _clock.GetUtcNow().UtcTicks);
        }
        // Searchable at once; durable when the commit policy says (a new index at once, so a restart keeps it).
        if (index.HasUnsearchableChanges) index.Refresh();
        if (index.HasUncommittedChanges && (from == 0 || CommitDue(index))) Commit(index);
        if (applied > 0) logger.LogDebug("Index caught up from sequence {From} to {To} ({Applied} changes)", from, index.IndexedSeq, applied);
        return index.IndexedSeq;
    }
}

/// <summary>What a rebuild produced.</summary>
public sealed record RebuildResult(int Documents, long Seq, TimeSpan Took);

/// <summary>How far an index build has come: from the store sequence it started at to the one it fills to.</summary>
public sealed record IndexBuildProgress(long From, long Reached, long Target, DateTimeOffset StartedAt)
{
    /// <summary>The part done, 0 to 1.</summary>
    public double Fraction => Target <= From ? 1 : Math.Clamp((double)(Reached - From) / (Target - From), 0, 1);
}
