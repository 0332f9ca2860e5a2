using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Storage;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>
/// The checks behind /health/ready. The index decides readiness: unhealthy (503) while it is built or rebuilt after
/// damage; degraded (200, searches go on) when it lags the store for longer than SearchApi:MaxIndexLagSeconds, cannot
/// take changes, or has skipped statements. The store is degraded when it does not answer or when the last read or
/// write requests made of it failed: searches go on from the index either way.
/// </summary>
public static class HealthChecks
{
    public const string Store = "store";
    public const string Index = "index";

    public static IServiceCollection AddSearchHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>(Index)
            // Searches go on from the local index while the store is away, so a failing store degrades rather than fails.
            .AddCheck<StoreHealthCheck>(Store, failureStatus: HealthStatus.Degraded);
        // The health service logs every unhealthy probe at Error: while the index builds, every probe would be one.
        // The checks' own state changes are logged where they happen (start-up, catch-up, damage).
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));
        return services;
    }
}

/// <summary>The store answers, and the reads and writes requests made of it lately did not fail.</summary>
public sealed class StoreHealthCheck(IStatementStore store, StoreHealth health) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        StoreState state;
        try
        {
            state = await store.GetStateAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception stays in the server's log; its text may name hosts or paths.
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The store does not answer ({StoreHealth.Describe(e)}); writes, documents and the feed are refused until it does.", e);
        }
        if (health.LastWriteFailure is { } write)
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The store answers, but the last write failed at {write.At:yyyy-MM-ddTHH:mm:ssZ}: {write.Reason}. Writes answer 503 store_failed until one succeeds.");
        if (health.LastReadFailure is { } read)
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"The store answers, but the last read of statements failed at {read.At:yyyy-MM-ddTHH:mm:ssZ}: {read.Reason}. Documents and the feed may answer 503 store_failed.");
        return HealthCheckResult.Healthy($"The store answers; its last change is sequence {state.LastSeq}.");
    }
}

/// <summary>The index: open and caught up at least once; not damaged; keeping up with the store; no statement left out.</summary>
public sealed class IndexHealthCheck(
    IndexReadiness readiness, IndexCatalog catalog, IndexSynchronizer synchronizer, IOptions<SearchApiOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        if (!readiness.IsReady)
            return HealthCheckResult.Unhealthy(synchronizer.Build is { } build
                ? $"The index is being built from the store: sequence {build.Reached:N0} of {build.Target:N0} ({build.Fraction:P0})."
                : "The index is being built or caught up from the store.");
        if (catalog.Damage is { } damage)
            return HealthCheckResult.Unhealthy(
                $"The index is damaged ({damage}) and is being rebuilt from the store; meanwhile searches that meet the damage answer 503 index_unavailable and writes are refused.");

        var index = catalog.Current;
        var behind = Math.Max(0, synchronizer.StoreSeq - index.SearchableSeq);
        var summary = $"{index.DocumentCount} statements up to sequence {index.SearchableSeq}; {behind} store changes not yet indexed.";
        var problems = new List<string>();
        if (synchronizer.Failure is { } failure)
            problems.Add($"The index has not been able to take the store's changes since {failure.Since:yyyy-MM-ddTHH:mm:ssZ} ({failure.Reason}); searches answer from what it holds and writes are refused with 503 until it can.");
        var maxLag = TimeSpan.FromSeconds(options.Value.MaxIndexLagSeconds);
        if (behind > 0 && synchronizer.CaughtUpAt is { } caughtUp && clock.GetUtcNow() - caughtUp > maxLag)
            problems.Add($"The index has been behind the store for {(clock.GetUtcNow() - caughtUp).TotalSeconds:N0} s, longer than the {maxLag.TotalSeconds:N0} s allowed (SearchApi:MaxIndexLagSeconds).");
        if (index.Skipped.Count is var skipped and > 0)
            problems.Add($"{skipped} statements could not be indexed and are left out of searches: GET /api/v1/admin/skipped lists them, POST /api/v1/admin/reindex tries them again.");
        return problems.Count == 0
            ? HealthCheckResult.Healthy(summary)
            : HealthCheckResult.Degraded(summary + " " + string.Join(" ", problems));
    }
}
