using System.Globalization;
using System.Text.RegularExpressions;
using SearchApi.Contracts;
using SearchApi.Core.Search;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/search/export: the whole result set of a search, streamed, with a manifest to cite.</summary>
public static partial class ExportEndpoints
{
    public const string ManifestPath = "/api/v1/search/export/manifest";

    public static RouteGroupBuilder MapExport(this RouteGroupBuilder search)
    {
        search.MapGet("/export", Export)
            .WithName("Export")
            .WithSummary("Export every statement a search matches")
            .WithDescription(
                "Streams every statement that matches q and the filters — no cap, in constant memory, all from one index " +
                "snapshot, in the order the search pages them — as JSON Lines (format=ndjson, the default) or CSV " +
                "(format=csv). Given a search's nextCursor, it exports the rest of that result list on the same snapshot. " +
                "In JSON Lines the last line is a manifest: the query, filters, sort, index snapshot, count and the SHA-256 " +
                "of every byte before it, so an export can be cited and checked. A CSV holds only the table (UTF-8 with a " +
                "byte-order mark, so spreadsheets keep Cyrillic; columns named as in the JSON, plus the people, " +
                "organisations and places each statement names); its manifest, whose SHA-256 covers the whole file, is " +
                "GET /api/v1/search/export/manifest with the same parameters and the snapshot in the X-Export-Snapshot " +
                "header (the Link header gives the address).")
            .Produces<ExportLineResponse>(StatusCodes.Status200OK, "application/x-ndjson", "text/csv")
            .ProducesReadProblems();
        search.MapGet("/export/manifest", Manifest)
            .WithName("ExportManifest")
            .WithSummary("The manifest of an export (for CSV)")
            .WithDescription(
                "The manifest of the export the same parameters give — query, filters, sort, format, index snapshot, count " +
                "and the SHA-256 of every byte of the export — computed on the snapshot given (the X-Export-Snapshot header " +
                "of the export), so it describes exactly the file downloaded. For a CSV export it is the only manifest; a " +
                "JSON Lines export also ends with it. 410 cursor_expired when the snapshot is gone (10 minutes after the " +
                "index changed): export again.")
            .Produces<ExportManifestResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesReadProblems()
            .ProducesProblem(StatusCodes.Status410Gone);
        return search;
    }

    private static async Task Export([AsParameters] ExportParameters parameters, ReadSessions sessions, CursorCodec cursors, HttpContext context, CancellationToken cancellationToken)
    {
        var (request, options, snapshot) = Read(parameters, cursors);
        using var session = sessions.Open(request, snapshot);
        var csv = options.Format == ExportFormat.Csv;
        context.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        context.Response.Headers.ContentDisposition = ContentDisposition(request.Query, csv ? "csv" : "ndjson", DateTime.UtcNow);
        var version = session.Version.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Export-Snapshot"] = version;
        var manifest = QueryString.Create(context.Request.Query.Where(p => p.Key != "snapshot").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))))
            .Add("snapshot", version);
        context.Response.Headers.Link = $"<{ManifestPath}{manifest}>; rel=\"describedby\"; type=\"application/json\"";
        await session.ExportAsync(options, context.Response.Body, cancellationToken);
    }

    /// <param name="snapshot" example="42">The X-Export-Snapshot header of the export to describe.</param>
    private static async Task<IResult> Manifest([AsParameters] ExportParameters parameters, long? snapshot, ReadSessions sessions, CursorCodec cursors, CancellationToken cancellationToken)
    {
        var (request, options, pinned) = Read(parameters, cursors);
        using var session = sessions.Open(request, pinned ?? snapshot);
        var manifest = await session.ExportAsync(options, Stream.Null, cancellationToken);
        return Results.Text(ExportRows.ManifestJson(manifest), "application/json; charset=utf-8");
    }

    private static (QueryRequest Request, ExportOptions Options, long? Snapshot) Read(ExportParameters parameters, CursorCodec cursors)
    {
        var request = ReadRequests.Query(parameters.ToInput());
        var options = new ExportOptions(
            ReadRequests.Sort(parameters.Sort, request.Query.Length > 0), ReadRequests.Format(parameters.Format), parameters.IncludeText ?? false);
        var after = cursors.DecodeSearch(parameters.Cursor, CursorCodec.Fingerprint(request, options.Sort));
        return (request, options with { After = after?.Position }, after?.Snapshot);
    }

    /// <summary>
    /// The download's name: searchapi-lavrov-csto-2026-12-05.csv, the query's words (letters and digits of any script)
    /// and the day; in RFC 6266 form, with an ASCII name for clients that do not read filename*.
    /// </summary>
    public static string ContentDisposition(string query, string extension, DateTime day)
    {
        var words = string.Join('-', NonWord().Split(query.ToLowerInvariant()).Where(w => w.Length > 0).Take(6));
        if (words.Length > 60) words = words[..60].TrimEnd('-');
        string Name(string w) => (w.Length == 0 ? "searchapi" : "searchapi-" + w) + $"-{day:yyyy-MM-dd}.{extension}";
        var ascii = string.Join('-', words.Split('-').Where(w => w.Length > 0 && w.All(char.IsAscii)));
        return $"attachment; filename=\"{Name(ascii)}\"; filename*=UTF-8''{Uri.EscapeDataString(Name(words))}";
    }

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NonWord();
}
