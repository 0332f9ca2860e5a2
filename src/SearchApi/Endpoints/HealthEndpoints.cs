using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchApi.Contracts;
using SearchApi.Core.Indexing;
using SearchApi.Hosting;

namespace SearchApi.Endpoints;

/// <summary>Liveness and readiness for load balancers and orchestrators.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health");
        group.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live")))
            .WithName("Live")
            .WithSummary("Is the process up?")
            .WithDescription("200 while the process is running and answering requests.");
        group.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Can it answer searches?")
            .WithDescription(
                "200 once the index is open and caught up with the store: status ready, or degraded when a check is " +
                "(searches still answer). 503 while the index is being built (starting) or rebuilt after its files were " +
                "found damaged (unavailable). The index check is degraded when the index has been behind the store for " +
                "longer than SearchApi:MaxIndexLagSeconds, cannot take changes (writes are then refused with 503), or has " +
                "skipped statements it could not index; the store check is degraded when the store does not answer or " +
                "its last read or write failed. checks tells which and why.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        HealthCheckService health, IndexReadiness readiness, IndexCatalog catalog, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = report.Entries.ToDictionary(
            e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString().ToLowerInvariant(), e.Value.Description ?? ""));
        if (!readiness.IsReady)
            return TypedResults.Json(new HealthResponse("starting", Checks: checks), statusCode: StatusCodes.Status503ServiceUnavailable);
        var index = catalog.Current;
        if (report.Entries[HealthChecks.Index].Status == HealthStatus.Unhealthy)
            return TypedResults.Json(new HealthResponse("unavailable", index.SearchableSeq, Checks: checks), statusCode: StatusCodes.Status503ServiceUnavailable);
        var status = report.Status == HealthStatus.Healthy ? "ready" : "degraded";
        return TypedResults.Ok(new HealthResponse(status, index.SearchableSeq, index.DocumentCount, checks));
    }
}
