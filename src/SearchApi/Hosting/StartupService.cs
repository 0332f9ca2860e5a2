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
    SeedLoader seeds,
    IndexSynchronizer synchronizer,
    IndexReadiness readiness,
    CursorKeys cursorKeys,
    IOptions<SearchApiOptions> options,
    ILogger<StartupService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        cursorKeys.UseStore((await store.GetStateAsync(cancellationToken)).StoreId);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var state = await store.GetStateAsync(stoppingToken);
        if (state.LastSeq == 0 && SeedsLocator.Resolve(options.Value) is { } seedsPath)
            await seeds.LoadAsync(seedsPath, stoppingToken);
        else if (state.LastSeq == 0)
            logger.LogWarning("The store is empty and no seeds folder was found; set SearchApi:SeedsPath to load sample statements");
        await synchronizer.CatchUpAsync(stoppingToken);
        readiness.MarkReady();
        logger.LogInformation("Ready");

        // Writes can also reach the store from elsewhere (the CLI, another replica): tail it.
        var interval = TimeSpan.FromMilliseconds(options.Value.SyncIntervalMs);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await synchronizer.CatchUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Catching the index up with the store failed; retrying in {Interval}", interval);
            }
        }
    }
}
