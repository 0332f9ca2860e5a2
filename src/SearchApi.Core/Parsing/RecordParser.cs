using System.Globalization;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>The outcome of turning one record into a statement: the statement, or why the record is invalid.</summary>
public sealed record RecordParseResult(Statement? Statement, string? Error)
{
    public static RecordParseResult Invalid(string error) => new(null, error);
}

/// <summary>Validates a structured record and completes what it leaves out (language, title, kind, id) as the text parser would.</summary>
public static class RecordParser
{
    public const int MaxTitleLength = 1_000;
    public const int MaxTextLength = 2_000_000;
    public const int MaxFieldLength = 2_000;

    public static RecordParseResult Parse(StatementRecord record)
    {
        if (string.IsNullOrWhiteSpace(record.Text)) return RecordParseResult.Invalid("text is required and must not be empty");
        if (record.Text.Length > MaxTextLength) return RecordParseResult.Invalid($"text is longer than {MaxTextLength:N0} characters");
        if (record.Id is not null && !StatementIds.IsValid(record.Id))
            return RecordParseResult.Invalid($"id must be 1-{StatementIds.MaxLength} characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        if (record.Lang is not null && !Languages.IsKnown(record.Lang))
            return RecordParseResult.Invalid($"lang must be one of {string.Join(", ", Languages.All)}");
        if (record.Kind is not null && !StatementKinds.IsKnown(record.Kind))
            return RecordParseResult.Invalid($"kind must be one of {string.Join(", ", StatementKinds.All)}");
        if (record.DatePrecision is not null && !DatePrecisions.IsKnown(record.DatePrecision))
            return RecordParseResult.Invalid("datePrecision must be day, inferred or year");
        if (record.Title is { Length: > MaxTitleLength }) return RecordParseResult.Invalid($"title is longer than {MaxTitleLength} characters");
        foreach (var (name, value) in new[] { ("source", record.Source), ("url", record.Url), ("author", record.Author) })
            if (value is { Length: > MaxFieldLength }) return RecordParseResult.Invalid($"{name} is longer than {MaxFieldLength} characters");

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(record.Date))
        {
            if (!DateOnly.TryParseExact(record.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return RecordParseResult.Invalid($"date '{record.Date}' is not a calendar date in the form YYYY-MM-DD");
            date = parsed;
        }
        var url = string.IsNullOrWhiteSpace(record.Url) ? null : record.Url.Trim();
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            return RecordParseResult.Invalid("url must be an absolute http or https address");

        var paragraphs = new List<string>();
        foreach (var line in TextNormalizer.Lines(TextNormalizer.Normalize(record.Text)))
            if (!PageFurniture.IsFurniture(line)) paragraphs.Add(line);
        if (paragraphs.Count == 0) return RecordParseResult.Invalid("text holds nothing but page furniture");

        var text = string.Join(Statement.ParagraphSeparator, paragraphs);
        var givenTitle = OneLine(record.Title) ?? "";
        var title = givenTitle.Length > 0 ? givenTitle : Titles.FromText(paragraphs[0]);
        var lang = record.Lang ?? LanguageDetector.Detect(title + "\n" + text);
        var id = record.Id ?? StatementIds.Derive(url, title, text);
        var precision = date is null ? null : record.DatePrecision ?? DatePrecisions.Day;
        // A record without a date whose title gives a year in brackets (the UN General Debate corpus) is dated to it.
        if (date is null) (date, precision) = StatementParser.TitleYear(title, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        return new RecordParseResult(new Statement(
            id,
            lang,
            title,
            date,
            precision,
            OneLine(record.Source) ?? PageFurniture.SiteOf(url),
            url,
            record.Kind ?? KindClassifier.Classify(title, paragraphs),
            OneLine(record.Author),
            paragraphs), null);
    }

    // Titles, sources and authors follow the text rule too, on one line; null when nothing is left.
    private static string? OneLine(string? value) =>
        value is null ? null : string.Join(' ', TextNormalizer.Lines(TextNormalizer.Normalize(value))) is { Length: > 0 } line ? line : null;
}
