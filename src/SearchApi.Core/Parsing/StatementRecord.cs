namespace SearchApi.Core.Parsing;

/// <summary>
/// A statement as structured data: the JSON Lines format of the corpora (id, lang, title, date, source, url, text),
/// plus the optional kind, author and datePrecision. Only text is required.
/// </summary>
public sealed record StatementRecord(
    string? Id = null,
    string? Lang = null,
    string? Title = null,
    string? Date = null,
    string? DatePrecision = null,
    string? Source = null,
    string? Url = null,
    string? Kind = null,
    string? Author = null,
    string? Text = null);
