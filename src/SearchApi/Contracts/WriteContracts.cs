using Microsoft.AspNetCore.Mvc;

namespace SearchApi.Contracts;

/// <summary>What a write did.</summary>
/// <param name="Results">One entry per statement written (a text body may hold several stories).</param>
public sealed record WriteResponse(IReadOnlyList<WriteResultResponse> Results);

/// <param name="Id">The statement's id (given, or derived from its content).</param>
/// <param name="Outcome">created, updated, unchanged (identical content: nothing written) or deleted.</param>
/// <param name="Seq">The change sequence number this write took; null when nothing was written.</param>
/// <param name="Location">Where the statement can be read.</param>
public sealed record WriteResultResponse(string Id, string Outcome, long? Seq, string Location);

/// <summary>One line of a bulk upload's answer (application/x-ndjson), in line order, sent once the line is committed or rejected.</summary>
/// <param name="Line">Line number in the upload, from 1.</param>
/// <param name="Status">accepted (committed to the store) or rejected.</param>
/// <param name="Id">The statement's id, when the line had one or it could be derived.</param>
/// <param name="Outcome">For accepted lines: created, updated or unchanged.</param>
/// <param name="Error">For rejected lines: why.</param>
/// <param name="Code">For rejected lines, a stable code: line_too_long, invalid_text (not UTF-8), invalid_json or invalid_statement.</param>
public sealed record BulkLineResponse(int Line, string Status, string? Id, string? Outcome, long? Seq, string? Error, string? Code);

/// <summary>Parameters of GET /api/v1/search/export.</summary>
public sealed class ExportParameters : QueryParameters
{
    /// <summary>ndjson (default): one JSON object per line. csv: RFC 4180 with a header row.</summary>
    /// <example>ndjson</example>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    /// <summary>Order: relevance (default with q), -date (default without q) or date.</summary>
    /// <example>-date</example>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>true: include each statement's whole text. Default false.</summary>
    /// <example>false</example>
    [FromQuery(Name = "includeText")]
    public bool? IncludeText { get; init; }

    /// <summary>
    /// The nextCursor of a search with the same q, filters and sort: export the rest of that result list, from where the
    /// page ended, on the same index snapshot (so nothing written since shifts it). Empty: the whole list, now.
    /// </summary>
    /// <example></example>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

/// <summary>The state of an index rebuild.</summary>
/// <param name="State">idle (none since start), running, completed or failed.</param>
/// <param name="Documents">Statements in the rebuilt index.</param>
/// <param name="Seq">The store sequence number the rebuilt index reached.</param>
/// <param name="Error">Why the rebuild failed.</param>
/// <param name="Progress">While an index build runs (this rebuild, or a new index filled from the store at start): how far it has come.</param>
public sealed record ReindexResponse(string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long? Documents, long? Seq, string? Error, BuildProgressResponse? Progress = null);

/// <summary>How far an index build has come.</summary>
/// <param name="Reached">The store sequence number the new index has reached.</param>
/// <param name="Target">The one it fills to (the store's last when the build began; writes since are caught up at the end).</param>
/// <param name="Fraction">The part done, 0 to 1.</param>
/// <param name="StartedAt">When the build began.</param>
public sealed record BuildProgressResponse(long Reached, long Target, double Fraction, DateTimeOffset StartedAt);

/// <summary>Statements the index could not take.</summary>
/// <param name="Count">How many are skipped now.</param>
/// <param name="Statements">Each, in store sequence order.</param>
public sealed record SkippedResponse(int Count, IReadOnlyList<SkippedStatementResponse> Statements);

/// <summary>One statement left out of the index.</summary>
/// <param name="Id">The statement's id (GET /api/v1/documents/{id} still returns it from the store).</param>
/// <param name="Seq">The store sequence number of the version that failed.</param>
/// <param name="Reason">Why indexing it failed.</param>
/// <param name="At">When it was skipped.</param>
public sealed record SkippedStatementResponse(string Id, long Seq, string Reason, DateTimeOffset At);

/// <summary>One line of a JSON Lines export (application/x-ndjson): a statement; the last line is the manifest instead (<see cref="ExportManifestResponse"/>).</summary>
/// <param name="Id">Stable id of the statement.</param>
/// <param name="Title">Its title.</param>
/// <param name="Lang">en or ru.</param>
/// <param name="Date">YYYY-MM-DD, or null.</param>
/// <param name="DatePrecision">day, month, year or inferred; null without a date.</param>
/// <param name="Source">Where it was published, or null.</param>
/// <param name="Url">Its address at the source, or null.</param>
/// <param name="Kind">statement, joint-statement, transcript or news.</param>
/// <param name="Score">Relevance (0 without a query).</param>
/// <param name="Text">The whole text, with includeText=true.</param>
public sealed record ExportLineResponse(string Id, string Title, string Lang, string? Date, string? DatePrecision, string? Source, string? Url, string Kind, float Score, string? Text = null);

/// <summary>What an export holds, to cite and check it: the last line of a JSON Lines export, and GET /api/v1/search/export/manifest.</summary>
public sealed record ExportManifestResponse(ExportManifestBody Manifest);

/// <summary>The manifest's fields.</summary>
/// <param name="Query">q as given.</param>
/// <param name="Filters">lang, source, kind, person, organization, place (lists) and from, to (dates or null).</param>
/// <param name="Sort">relevance, date or -date.</param>
/// <param name="Format">ndjson or csv.</param>
/// <param name="IncludesText">Whether the texts are in it.</param>
/// <param name="Snapshot">The index snapshot it was read from (X-Export-Snapshot).</param>
/// <param name="IndexedSeq">The store sequence that snapshot holds.</param>
/// <param name="Count">Statements in it.</param>
/// <param name="Sha256">SHA-256 (hex) of every byte before the manifest line; of the whole file for CSV.</param>
/// <param name="GeneratedAt">When it was made (UTC).</param>
public sealed record ExportManifestBody(
    string Query, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Filters, string Sort, string Format, bool IncludesText,
    long Snapshot, long IndexedSeq, long Count, string Sha256, DateTimeOffset GeneratedAt);
