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
                "200 once the index is open and caught up with the store; 503 while it is being built. checks tells the " +
                "index's state and whether the store answers: a store that does not answer leaves the replica ready " +
                "(searches go on from its index) with the store check degraded.")
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
        return TypedResults.Ok(new HealthResponse("ready", index.IndexedSeq, index.DocumentCount, checks));
    }
}
