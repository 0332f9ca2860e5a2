namespace SearchApi.Contracts;

/// <summary>A whole statement.</summary>
/// <param name="Id">Stable id of the statement.</param>
/// <param name="Lang">Language of the text: en or ru.</param>
/// <param name="Title">The headline, or the opening of the first sentence when the statement has none.</param>
/// <param name="Date">YYYY-MM-DD, or null when the statement has no date.</param>
/// <param name="DatePrecision">day (stated), inferred (day and month stated, the year worked out), year (only the year known, from the title; the date is its first day), or null without a date.</param>
/// <param name="Source">The site or agency that published it (mid.ru, 24.kg …), when known.</param>
/// <param name="Url">Address of the original publication, when known.</param>
/// <param name="Kind">statement, joint-statement, transcript or news.</param>
/// <param name="Author">The byline, when the source gives one.</param>
/// <param name="Text">The whole text, paragraphs separated by a blank line.</param>
/// <param name="Paragraphs">The text, one entry per paragraph.</param>
/// <param name="Entities">The people, organisations and places the statement names, with where.</param>
/// <param name="Seq">Position in the store's change sequence; grows with every write.</param>
/// <param name="UpdatedAt">When the store last changed this statement (UTC).</param>
/// <param name="Dateline">The place a news agency's dateline names ("Bishkek" in "…, Bishkek - 24.kg news agency"), as written; null without one. When the gazetteer knows it, it is also among the entities, as a mention in the field dateline.</param>
public sealed record DocumentResponse(
    string Id,
    string Lang,
    string Title,
    DateOnly? Date,
    string? DatePrecision,
    string? Source,
    string? Url,
    string Kind,
    string? Author,
    string Text,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<EntityResponse> Entities,
    long Seq,
    DateTimeOffset UpdatedAt,
    string? Dateline = null);

/// <summary>An entity a statement names.</summary>
/// <param name="Id">Stable entity id, usable as the person, organization or place filter.</param>
/// <param name="Type">person, organization or place.</param>
/// <param name="Label">The name in the statement's language.</param>
/// <param name="Labels">The name in English and in Russian.</param>
/// <param name="Mentions">Every place the statement names it.</param>
public sealed record EntityResponse(string Id, string Type, string Label, LabelsResponse Labels, IReadOnlyList<MentionResponse> Mentions);

/// <summary>Where an entity is named.</summary>
/// <param name="Field">title, text or dateline.</param>
/// <param name="Start">Offset of the first character in that field (UTF-16 code units).</param>
/// <param name="Length">Length of the name as written.</param>
public sealed record MentionResponse(string Field, int Start, int Length);

/// <summary>The state of the service.</summary>
/// <param name="Status">live (liveness); ready, degraded (answering, with a check to look at), starting or unavailable (readiness).</param>
/// <param name="IndexedSeq">The highest store sequence number searches see.</param>
/// <param name="Documents">Statements in the index.</param>
/// <param name="Checks">The store's and the index's own checks (readiness only).</param>
public sealed record HealthResponse(string Status, long? IndexedSeq = null, long? Documents = null, IReadOnlyDictionary<string, HealthCheckResponse>? Checks = null)
{
    /// <summary>The version this replica runs (from the build).</summary>
    /// <example>1.0.0</example>
    public string Version { get; init; } = Observability.BuildInfo.Version;

    /// <summary>The git commit it was built from; "unknown" when built outside a git checkout.</summary>
    /// <example>94644b4c1f0e</example>
    public string Commit { get; init; } = Observability.BuildInfo.Commit;
}

/// <summary>One health check.</summary>
/// <param name="Status">healthy, degraded (working, with a problem to look at) or unhealthy.</param>
/// <param name="Description">What the check found, in words.</param>
public sealed record HealthCheckResponse(string Status, string Description);

/// <summary>Where a query's words are in one statement.</summary>
/// <param name="Id">The statement's id.</param>
/// <param name="Title">Marked words in the title.</param>
/// <param name="Text">Marked words in the text: offsets into the paragraphs joined by two line breaks.</param>
public sealed record DocumentMarksResponse(string Id, IReadOnlyList<HighlightResponse> Title, IReadOnlyList<HighlightResponse> Text);
