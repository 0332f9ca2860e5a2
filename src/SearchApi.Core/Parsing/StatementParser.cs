using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>Turns a raw statement as published (a text file, possibly holding several stories) into statements.</summary>
public sealed class StatementParser(TimeProvider clock)
{
    private sealed class Story(string? headline)
    {
        public string? Headline { get; } = headline;
        public List<string> Paragraphs { get; } = [];
    }

    public IReadOnlyList<Statement> ParseText(string raw)
    {
        var lines = TextNormalizer.Lines(TextNormalizer.Normalize(raw));
        string? url = null;
        DateMention? headerDate = null;
        Dateline? dateline = null;
        var content = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (PageFurniture.IsFurniture(line)) continue;
            if (PageFurniture.TryParseSourceLine(line, out var sourceUrl))
            {
                url ??= sourceUrl;
                continue;
            }
            if (content.Count == 0 && headerDate is null && dateline is null)
            {
                if ((headerDate = DateParser.ParseDateLine(line)) is not null) continue;
                if ((dateline = DateParser.ParseDateline(line)) is not null) continue;
            }
            content.Add(line);
        }

        var stories = SplitStories(content);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var statements = new List<Statement>(stories.Count);
        foreach (var story in stories)
        {
            var title = story.Headline ?? Titles.FromText(story.Paragraphs[0]);
            var text = string.Join(Statement.ParagraphSeparator, story.Paragraphs);
            var (date, precision) = FindDate(headerDate ?? dateline?.Date, story, title, today);
            var id = StatementIds.Derive(stories.Count == 1 ? url : null, title, text);
            statements.Add(new Statement(
                id,
                LanguageDetector.Detect(title + "\n" + text),
                title,
                date,
                precision,
                dateline?.Agency.ToLowerInvariant() ?? PageFurniture.SiteOf(url),
                url,
                KindClassifier.Classify(title, story.Paragraphs),
                dateline?.Author is { } author ? Names.Capitalize(author) : null,
                story.Paragraphs) { Dateline = dateline?.Place });
        }
        return statements;
    }

    /// <summary>
    /// Splits content lines into stories at headline lines. A headline whose next paragraph does not take up its
    /// subject is a stray (a link to another story) and is dropped.
    /// </summary>
    private static List<Story> SplitStories(List<string> content)
    {
        var stories = new List<Story>();
        var current = new Story(null);
        for (var i = 0; i < content.Count; i++)
        {
            var line = content[i];
            var isHeadline = i + 1 < content.Count && Headlines.IsHeadlineShaped(line);
            if (!isHeadline)
            {
                current.Paragraphs.Add(line);
                continue;
            }
            if (current.Paragraphs.Count == 0 && current.Headline is null)
            {
                current = new Story(line);
                continue;
            }
            if (!Headlines.LeadsInto(line, content[i + 1])) continue;
            if (current.Paragraphs.Count > 0) stories.Add(current);
            current = new Story(line);
        }
        if (current.Paragraphs.Count > 0) stories.Add(current);
        return stories;
    }

    private static (DateOnly?, string?) FindDate(DateMention? header, Story story, string title, DateOnly today)
    {
        var floorYear = DateParser.LatestYearMentioned(title + "\n" + string.Join("\n", story.Paragraphs), today.Year);
        if (header is not null && DateParser.Resolve(header, floorYear, today) is { } headerDate)
            return (headerDate, header.Year is null ? DatePrecisions.Inferred : DatePrecisions.Day);

        // Without a dateline the first date in the lead paragraph is the best evidence of when the story happened.
        foreach (var mention in DateParser.FindMentions(story.Paragraphs[0]))
            if (DateParser.Resolve(mention, floorYear, today) is { } leadDate && leadDate <= today)
                return (leadDate, DatePrecisions.Inferred);
        return TitleYear(title, today);
    }

    /// <summary>A statement whose only date is a year in its title is dated to that year, on its first day.</summary>
    public static (DateOnly?, string?) TitleYear(string title, DateOnly today) =>
        DateParser.OnlyYear(title, today.Year) is { } year ? (new DateOnly(year, 1, 1), DatePrecisions.Year) : (null, null);
}
