using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Errors;

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
                "snapshot — as JSON Lines (format=ndjson, the default) or CSV (format=csv). The last line is a manifest: " +
                "the query, filters, sort, index snapshot, count and the SHA-256 of every byte before it, so an export can " +
                "be cited and checked. In CSV the manifest line is #manifest followed by the manifest as a quoted JSON field.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task Export([AsParameters] ExportParameters parameters, Exporter exporter, HttpContext context, CancellationToken cancellationToken)
    {
        var query = RequestParsing.Query(parameters);
        var format = parameters.Format?.Trim() switch
        {
            null or "" or "ndjson" => ExportFormat.Ndjson,
            "csv" => ExportFormat.Csv,
            _ => throw new ApiException(ApiErrors.InvalidParameter, $"format '{parameters.Format}' is not one of: ndjson, csv."),
        };
        var request = new ExportRequest(
            query, RequestParsing.Filters(parameters), RequestParsing.Sort(parameters.Sort, query.Length > 0), format,
            parameters.IncludeText ?? false, parameters.Strict ?? false);
        context.Response.ContentType = format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"searchapi-export.{(format == ExportFormat.Csv ? "csv" : "ndjson")}\"";
        await exporter.WriteAsync(request, context.Response.Body, cancellationToken);
    }
}
