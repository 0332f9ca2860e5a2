using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Indexing;
using SearchApi.Errors;
using SearchApi.Hosting;
using SearchApi.Security;

namespace SearchApi.Endpoints;

/// <summary>/api/v1/admin: operations for operators, behind an API key.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").AddEndpointFilter<ApiKeyFilter>();
        group.MapPost("/reindex", Start)
            .WithName("StartReindex")
            .WithSummary("Rebuild the index from the store (API key)")
            .WithDescription(
                "Starts rebuilding the search index from the store in the background, without downtime: the current index " +
                "keeps answering (and keeps taking new writes) until the new one has caught up, then the new one takes " +
                "over. Paging cursors from before the switch expire. 202 with the rebuild's status; GET the same path to " +
                "follow it. Needs the X-Api-Key header.")
            .Produces<ReindexResponse>(StatusCodes.Status202Accepted)
            .ProducesKeyProblems();
        group.MapGet("/reindex", Status)
            .WithName("ReindexStatus")
            .WithSummary("Follow an index rebuild (API key)")
            .WithDescription("The state of the last rebuild since the service started: idle, running, completed or failed. Needs the X-Api-Key header.")
            .ProducesKeyProblems();
        group.MapGet("/skipped", Skipped)
            .WithName("SkippedStatements")
            .WithSummary("Statements the index could not take (API key)")
            .WithDescription(
                "Lists the statements that are in the store but were left out of the index because indexing them failed: " +
                "id, the store sequence number of the version that failed, why, and when. One such statement never stops " +
                "the others; /health/ready reports the index degraded while any is listed. They are tried again at every " +
                "start and by POST /api/v1/admin/reindex; writing a new version of one tries it at once. Needs the X-Api-Key header.")
            .ProducesKeyProblems();
        group.MapGet("/index/snapshot", Snapshot)
            .WithName("IndexSnapshot")
            .WithSummary("The index's last commit, for a new replica (API key)")
            .WithDescription(
                "Streams the files of the index's last commit as a tar archive (application/x-tar), held on disk while it " +
                "is read. A new replica started with SearchApi:IndexSnapshotFrom set to this service's address (and " +
                "SearchApi:IndexSnapshotApiKey) starts from it and catches up from the store sequence in the " +
                "X-Index-Store-Seq header, instead of building its index from the store. 503 index_not_ready before the " +
                "first commit. Needs the X-Api-Key header.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-tar")
            .ProducesKeyProblems();
        return group;
    }

    private static IResult Snapshot(IndexCatalog catalog, HttpContext context)
    {
        var commit = catalog.Current.PinLastCommit()
            ?? throw new ApiException(ApiErrors.NotReady, "The index has no commit yet; try again when /health/ready is 200.");
        context.Response.Headers["X-Index-Store-Seq"] = commit.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.RegisterForDispose(commit);
        return Results.Stream(stream => IndexSnapshots.WriteTarAsync(commit, stream, context.RequestAborted), "application/x-tar", "index-snapshot.tar");
    }

    private static Ok<SkippedResponse> Skipped(IndexCatalog catalog)
    {
        var skipped = catalog.Current.Skipped;
        return TypedResults.Ok(new SkippedResponse(skipped.Count, skipped.Select(s => new SkippedStatementResponse(s.Id, s.Seq, s.Reason, s.At)).ToList()));
    }

    private static Accepted<ReindexResponse> Start(ReindexJobs jobs) => TypedResults.Accepted("/api/v1/admin/reindex", ToResponse(jobs.Start()));

    private static Ok<ReindexResponse> Status(ReindexJobs jobs, Core.Ingestion.IndexSynchronizer synchronizer) =>
        TypedResults.Ok(ToResponse(jobs.Current) with { Progress = synchronizer.Build is { } b ? new BuildProgressResponse(b.Reached, b.Target, Math.Round(b.Fraction, 4), b.StartedAt) : null });

    private static ReindexResponse ToResponse(ReindexJobs.Status status) =>
        new(status.State, status.StartedAt, status.FinishedAt, status.Result?.Documents, status.Result?.Seq, status.Error);
}
