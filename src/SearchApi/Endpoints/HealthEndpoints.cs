using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithDescription("200 once the index is open and caught up with the store; 503 while it is being built.")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>> Ready(IndexReadiness readiness, IndexCatalog catalog)
    {
        if (!readiness.IsReady)
            return TypedResults.Json(new HealthResponse("starting"), statusCode: StatusCodes.Status503ServiceUnavailable);
        var index = catalog.Current;
        return TypedResults.Ok(new HealthResponse("ready", index.IndexedSeq, index.DocumentCount));
    }
}
