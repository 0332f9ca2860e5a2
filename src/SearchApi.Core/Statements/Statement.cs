namespace SearchApi.Core.Statements;

/// <summary>One parsed statement: the unit that is stored, indexed and returned by search.</summary>
/// <param name="Paragraphs">The body, one entry per paragraph, furniture removed; never empty.</param>
public sealed record Statement(
    string Id,
    string Lang,
    string Title,
    DateOnly? Date,
    string? DatePrecision,
    string? Source,
    string? Url,
    string Kind,
    string? Author,
    IReadOnlyList<string> Paragraphs)
{
    /// <summary>Paragraphs separator in <see cref="Text"/>; paragraphs never contain it.</summary>
    public const string ParagraphSeparator = "\n\n";

    /// <summary>The place a news agency's dateline names ("…, Bishkek - 24.kg news agency"), as written; null without one.</summary>
    public string? Dateline { get; init; }

    /// <summary>The people, organisations and places the statement names, found by the entity linker at ingestion.</summary>
    public IReadOnlyList<StatementEntity> Entities { get; init; } = [];

    /// <summary>The body as one string, paragraphs separated by a blank line.</summary>
    public string Text => string.Join(ParagraphSeparator, Paragraphs);

    public static IReadOnlyList<string> SplitParagraphs(string text) =>
        text.Split(ParagraphSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
