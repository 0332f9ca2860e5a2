using SearchApi.Contracts;
using SearchApi.Core.Search;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/search/export: the whole result set of a search, streamed, with a manifest to cite.</summary>
public static class ExportEndpoints
{
    public static RouteHandlerBuilder MapExport(this RouteGroupBuilder search) =>
        search.MapGet("/export", Export)
            .WithName("Export")
            .WithSummary("Export every statement a search matches")
            .WithDescription(
                "Streams every statement that matches q and the filters — no cap, in constant memory, all from one index " +
                "snapshot, in the order the search pages them — as JSON Lines (format=ndjson, the default) or CSV " +
                "(format=csv). Given a search's nextCursor, it exports the rest of that result list on the same snapshot. " +
                "The last line is a manifest: " +
                "the query, filters, sort, index snapshot, count and the SHA-256 of every byte before it, so an export can " +
                "be cited and checked. In CSV the manifest line is #manifest followed by the manifest as a quoted JSON field.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesReadProblems();

    private static async Task Export([AsParameters] ExportParameters parameters, ReadSessions sessions, CursorCodec cursors, HttpContext context, CancellationToken cancellationToken)
    {
        var request = ReadRequests.Query(parameters.ToInput());
        var options = new ExportOptions(
            ReadRequests.Sort(parameters.Sort, request.Query.Length > 0), ReadRequests.Format(parameters.Format), parameters.IncludeText ?? false);
        var after = cursors.DecodeSearch(parameters.Cursor, CursorCodec.Fingerprint(request, options.Sort));
        using var session = sessions.Open(request, after?.Snapshot);
        options = options with { After = after?.Position };
        context.Response.ContentType = options.Format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"searchapi-export.{(options.Format == ExportFormat.Csv ? "csv" : "ndjson")}\"";
        await session.ExportAsync(options, context.Response.Body, cancellationToken);
    }
}
