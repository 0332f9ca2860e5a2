using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Storage;

namespace SearchApi.Hosting;

/// <summary>The checks behind /health/ready: the index decides readiness; a store that does not answer degrades it.</summary>
public static class HealthChecks
{
    public const string Store = "store";
    public const string Index = "index";

    public static IServiceCollection AddSearchHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>(Index)
            // Searches go on from the local index while the store is away, so a silent store degrades rather than fails.
            .AddCheck<StoreHealthCheck>(Store, failureStatus: HealthStatus.Degraded);
        return services;
    }
}

/// <summary>The store answers: it is asked for its last sequence number, with a short time limit.</summary>
public sealed class StoreHealthCheck(IStatementStore store) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            var state = await store.GetStateAsync(timeout.Token);
            return HealthCheckResult.Healthy($"The store answers; its last change is sequence {state.LastSeq}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception stays in the server's log; its text may name hosts or paths.
            return new HealthCheckResult(context.Registration.FailureStatus, "The store does not answer; writes and the feed are refused until it does.", e);
        }
    }
}

/// <summary>The index is open and has caught up with the store at least once; how far behind it is now.</summary>
public sealed class IndexHealthCheck(IndexReadiness readiness, IndexCatalog catalog, IndexSynchronizer synchronizer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
            return Task.FromResult(HealthCheckResult.Unhealthy("The index is being built or caught up from the store."));
        var index = catalog.Current;
        var behind = Math.Max(0, synchronizer.StoreSeq - index.IndexedSeq);
        return Task.FromResult(HealthCheckResult.Healthy(
            $"{index.DocumentCount} statements up to sequence {index.IndexedSeq}; {behind} store changes not yet indexed."));
    }
}
