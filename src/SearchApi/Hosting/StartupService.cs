using System.Data.Common;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Storage;
using SearchApi.Options;
using Microsoft.Extensions.Options;

namespace SearchApi.Hosting;

/// <summary>
/// Brings the service up: migrates the store before the server accepts requests, then (in the background) ingests the
/// seeds into an empty store and catches the index up, and only then reports ready; from then on it keeps the index
/// caught up with writes that reach the store from elsewhere.
/// </summary>
public sealed class StartupService(
    IStatementStore store,
    IStoreConnections connections,
    SeedLoader seeds,
    IndexSynchronizer synchronizer,
    IndexReadiness readiness,
    CursorKeys cursorKeys,
    IOptions<SearchApiOptions> options,
    ILogger<StartupService> logger) : BackgroundService
{
    private static readonly TimeSpan CoalesceWrites = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MergeQuietPeriod = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await WaitForStoreAsync(cancellationToken);
        cursorKeys.UseStore((await store.GetStateAsync(cancellationToken)).StoreId);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Migrates the store, retrying while it cannot be reached (a database server still starting) for SearchApi:StoreWaitSeconds.</summary>
    private async Task WaitForStoreAsync(CancellationToken cancellationToken)
    {
        var giveUp = DateTimeOffset.UtcNow.AddSeconds(options.Value.StoreWaitSeconds);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                return;
            }
            catch (DbException e) when (e.IsTransient && DateTimeOffset.UtcNow < giveUp)
            {
                logger.LogWarning("The store cannot be reached yet ({Reason}); attempt {Attempt}, retrying", e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var state = await store.GetStateAsync(stoppingToken);
        if (state.LastSeq == 0 && SeedsLocator.Resolve(options.Value) is { } seedsPath)
            await seeds.LoadAsync(seedsPath, stoppingToken);
        else if (state.LastSeq == 0)
            logger.LogWarning("The store is empty and no seeds folder was found; set SearchApi:SeedsPath to load sample statements");
        var from = synchronizer.IndexedSeq;
        var reached = await synchronizer.CatchUpAsync(stoppingToken);
        logger.LogInformation("Index caught up from sequence {From} to {To}", from, reached);
        readiness.MarkReady();
        logger.LogInformation("Ready");

        // Writes can also reach the store from elsewhere (the CLI, another replica): tail it, woken by the store's
        // write signal where it has one, and looking at least every SyncIntervalMs anyway.
        var interval = TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            await connections.WaitForWritesAsync(interval, stoppingToken);
            // A burst of small writes elsewhere becomes one catch-up (one index commit), not one per write.
            await Task.Delay(CoalesceWrites, stoppingToken);
            try
            {
                await synchronizer.CatchUpAsync(stoppingToken);
                // After a bulk load (or building the index at start), one segment once writes have paused.
                _ = synchronizer.MergeWhenQuiet(MergeQuietPeriod);
            }
            catch (DbException e) when (e.IsTransient)
            {
                logger.LogWarning("The store cannot be reached ({Reason}); searches go on from the index; retrying in {Interval}", e.Message, interval);
                await Task.Delay(interval, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Catching the index up with the store failed; retrying in {Interval}", interval);
                await Task.Delay(interval, stoppingToken);
            }
        }
    }
}
