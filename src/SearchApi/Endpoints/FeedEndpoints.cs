using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Storage;
using SearchApi.Errors;
using SearchApi.Core.Search;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/documents: every change of the store in the order it was made, tombstones included, for partners who mirror it.</summary>
public static class FeedEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapFeed(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Feed");
        group.MapGet("", Feed)
            .WithName("Feed")
            .WithSummary("Mirror the store: every change in order")
            .WithDescription(
                "Lists every statement in the order the store last changed it, deletions included as tombstones " +
                "({id, deleted: true, seq}). Page with nextCursor, which is always set: keep the last one and call again " +
                "later (minutes or months) to get exactly what changed since, nothing missed and nothing repeated. A " +
                "statement changed while you page reappears later in the feed with its new content and a higher seq; " +
                "apply items in order, replacing by id, and your mirror equals the store.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static async Task<Ok<FeedResponse>> Feed([AsParameters] FeedParameters parameters, IStatementStore store, CursorCodec cursors, HttpContext context, CancellationToken cancellationToken)
    {
        var limit = parameters.Limit switch
        {
            null => DefaultLimit,
            >= 1 and <= MaxLimit => parameters.Limit.Value,
            _ => throw new ApiException(ApiErrors.InvalidLimit, $"limit must be between 1 and {MaxLimit}; got {parameters.Limit}."),
        };
        if (!string.IsNullOrEmpty(parameters.Cursor) && parameters.ChangedSince is not null)
            throw new ApiException(ApiErrors.InvalidParameter, "changedSince only starts a walk; a cursor already says where to resume.");
        var after = cursors.DecodeFeed(parameters.Cursor);

        var state = await store.GetStateAsync(cancellationToken);
        var changes = await store.GetChangesAsync(after, limit, cancellationToken, parameters.ChangedSince);
        var last = changes.Count > 0 ? changes[^1].Seq : parameters.ChangedSince is null ? after : Math.Max(after, state.LastSeq);
        var items = changes.Select(c => new FeedItemResponse(c.Id, c.Seq, c.Deleted, c.UpdatedAt,
            c.Statement is { } s ? DocumentEndpoints.ToResponse(s, c) : null)).ToList();
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new FeedResponse(items, cursors.EncodeFeed(last), last < state.LastSeq, state.LastSeq));
    }
}
