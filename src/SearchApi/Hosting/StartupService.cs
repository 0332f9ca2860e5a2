using System.Data.Common;
using Microsoft.Extensions.Options;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Search;
using SearchApi.Core.Storage;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>
/// Brings the service up: migrates the store before the server accepts requests, then (in the background) ingests the
/// seeds into an empty store and catches the index up, and only then reports ready; from then on it keeps the index
/// caught up with writes that reach the store from elsewhere, and rebuilds it from the store when its files are found
/// damaged or gone. Nothing a statement holds and no fault of the index stops this loop or the host: failures are
/// logged, reported by /health/ready, and retried.
/// </summary>
public sealed class StartupService(
    IStatementStore store,
    IStoreConnections connections,
    SeedLoader seeds,
    IndexSynchronizer synchronizer,
    IndexCatalog catalog,
    IndexReadiness readiness,
    CursorCodec cursors,
    IOptions<SearchApiOptions> options,
    TimeProvider clock,
    ILogger<StartupService> logger) : BackgroundService
{
    private static readonly TimeSpan CoalesceWrites = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MergeQuietPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private string? _lastFailure;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await WaitForStoreAsync(cancellationToken);
        cursors.UseKey(options.Value.CursorSecret, (await store.GetStateAsync(cancellationToken)).StoreId);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Migrates the store, retrying while it cannot be reached (a database server still starting) for SearchApi:StoreWaitSeconds.</summary>
    private async Task WaitForStoreAsync(CancellationToken cancellationToken)
    {
        var giveUp = clock.GetUtcNow().AddSeconds(options.Value.StoreWaitSeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                return;
            }
            catch (DbException e) when (e.IsTransient && clock.GetUtcNow() < giveUp)
            {
                logger.LogWarning("The store cannot be reached yet ({Reason}); attempt {Attempt}, retrying", e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), clock, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The lexicon (about a second to read) loads beside the catch-up, so the first query after ready does not wait for it.
        var lexicon = Task.Run(() => Core.Translation.Lexicon.Embedded, stoppingToken);
        await LoadSeedsAsync(stoppingToken);
        var from = synchronizer.IndexedSeq;
        for (var attempt = 1; !await KeepUpAsync(stoppingToken); attempt++)
            await Task.Delay(Backoff(attempt), clock, stoppingToken);
        logger.LogInformation("Index caught up from sequence {From} to {To}", from, synchronizer.IndexedSeq);
        await lexicon;
        readiness.MarkReady();
        logger.LogInformation("Ready");

        // Writes can also reach the store from elsewhere (the CLI, another replica): tail it, woken by the store's
        // write signal where it has one, and looking at least every SyncIntervalMs anyway.
        var interval = TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            await connections.WaitForWritesAsync(failures == 0 ? interval : Backoff(failures), stoppingToken);
            // A burst of small writes elsewhere becomes one catch-up (one index commit), not one per write.
            await Task.Delay(CoalesceWrites, clock, stoppingToken);
            failures = await KeepUpAsync(stoppingToken) ? 0 : failures + 1;
        }
    }

    private async Task LoadSeedsAsync(CancellationToken stoppingToken)
    {
        try
        {
            var state = await store.GetStateAsync(stoppingToken);
            if (state.LastSeq == 0 && SeedsLocator.Resolve(options.Value) is { } seedsPath)
                await seeds.LoadAsync(seedsPath, stoppingToken);
            else if (state.LastSeq == 0)
                logger.LogWarning("The store is empty and no seeds folder was found; set SearchApi:SeedsPath to load sample statements");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Sample statements are a convenience: the service starts without them.
            logger.LogError(e, "The seeds could not be loaded; the service starts without them");
        }
    }

    /// <summary>One round of keeping the index up with the store (rebuilding it first when it is damaged); false when it failed.</summary>
    private async Task<bool> KeepUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (catalog.Damage is { } damage)
            {
                logger.LogWarning("Rebuilding the damaged index from the store ({Damage})", damage);
                await synchronizer.RebuildAsync(cancellationToken: stoppingToken);
            }
            await synchronizer.CatchUpAsync(stoppingToken);
            await synchronizer.CommitIfDueAsync(stoppingToken);
            // After a bulk load (or building the index at start), one segment once writes have paused.
            _ = synchronizer.MergeWhenQuiet(MergeQuietPeriod);
            if (_lastFailure is not null) logger.LogInformation("The index is keeping up with the store again");
            _lastFailure = null;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // One log line per kind of failure, not one a second.
            var kind = e is DbException { IsTransient: true } ? "store unreachable" : e.GetType().Name + ": " + e.Message;
            if (kind != _lastFailure)
            {
                if (e is DbException { IsTransient: true })
                    logger.LogWarning("The store cannot be reached ({Reason}); searches go on from the index; retrying", e.Message);
                else logger.LogError(e, "Keeping the index up with the store failed; retrying");
            }
            _lastFailure = kind;
            return false;
        }
    }

    /// <summary>Stops the tail, then commits what the index applied since its last commit, so a restart re-applies nothing.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await synchronizer.CommitNowAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The index could not commit at shutdown; it re-applies the last changes from the store at the next start");
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(LongestRetry.TotalSeconds, Math.Pow(2, Math.Min(attempt, 6) - 1)));
}
