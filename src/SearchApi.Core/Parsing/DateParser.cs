using System.Text.RegularExpressions;

namespace SearchApi.Core.Parsing;

/// <summary>A day and month found in text, with the year and weekday when the text gives them.</summary>
public sealed record DateMention(int Day, int Month, int? Year, DayOfWeek? Weekday);

/// <summary>A news-agency dateline such as "09:53, 17 января 2022, Bishkek - 24.kg news agency , Baktygul OSMONALIEVA".</summary>
public sealed record Dateline(DateMention Date, string Place, string Agency, string? Author);

/// <summary>Finds dates in English and Russian text and resolves the ones that lack a year.</summary>
public static class DateParser
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // "24 April 2022", "3-5 March 2022", "17 января 2022 года", "23 октября"
    private static readonly string DayFirst =
        $@"(?<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:of\s+)?(?<month>{Months.Pattern})\.?(?:,?\s+(?<year>\d{{4}}))?";

    // "April 24, 2022", "March 3-5, 2022", "April 24"
    private static readonly string MonthFirst =
        $@"(?<month>{Months.Pattern})\.?\s+(?<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?<year>\d{{4}}))?";

    private static readonly Regex Mention = new($@"(?<![\p{{L}}\d])(?:{DayFirst}|{MonthFirst})(?![\p{{L}}\d])", Options);

    private static readonly Regex WeekdayLine = new(
        $@"^(?:(?<weekday>{Months.WeekdayPattern}),?\s+)?(?:{DayFirst}|{MonthFirst})(?:\s+(?:года|г\.?))?\s*$", Options);

    private static readonly Regex DatelineRegex = new(
        $@"^(?:\d{{1,2}}:\d{{2}}\s*,\s*)?(?:{DayFirst}|{MonthFirst})\s*,\s*(?<place>[\p{{L}} .'-]+?)\s+[-–—]\s+(?<agency>[^,]+?)\s*(?:,\s*(?<author>[^,]+?))?\s*$", Options);

    private static readonly Regex AgencySuffix = new(@"\s+(?:news\s+)?agency$|^(?:информационное\s+)?агентство\s+|^ИА\s+", Options);

    // A date line or a dateline is short; longer lines are not tried (the patterns backtrack on long lines).
    private const int MaxDateLineLength = 300;

    private static readonly Regex Year = new(@"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", RegexOptions.CultureInvariant);

    /// <summary>A line that is nothing but a date, optionally with a weekday ("Wednesday, April 24").</summary>
    public static DateMention? ParseDateLine(string line)
    {
        if (line.Length > MaxDateLineLength) return null;
        var match = WeekdayLine.Match(line.Trim());
        return match.Success ? ToMention(match) : null;
    }

    public static Dateline? ParseDateline(string line)
    {
        if (line.Length > MaxDateLineLength) return null;
        var match = DatelineRegex.Match(line.Trim());
        if (!match.Success || ToMention(match) is not { } date) return null;
        var agency = AgencySuffix.Replace(match.Groups["agency"].Value.Trim(), "").Trim();
        if (agency.Length == 0) return null;
        var author = match.Groups["author"].Success ? match.Groups["author"].Value.Trim() : null;
        return new Dateline(date, match.Groups["place"].Value.Trim(), agency, string.IsNullOrEmpty(author) ? null : author);
    }

    /// <summary>Every date mention in running text, in order.</summary>
    public static IEnumerable<DateMention> FindMentions(string text)
    {
        foreach (Match match in Mention.Matches(text))
            if (ToMention(match) is { } mention) yield return mention;
    }

    private static readonly Regex BracketedYear = new(@"\((1[89]\d\d|20\d\d)\)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The one year a title gives in brackets ("UNGA session 46 (1991)"), from 1800 up to <paramref name="maxYear"/>;
    /// null for none or several. A bare year is not taken: titles name plans and anniversaries ("Strategy 2030").
    /// </summary>
    public static int? OnlyYear(string title, int maxYear)
    {
        if (title.Length > MaxDateLineLength * 4) return null;
        var years = BracketedYear.Matches(title).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(y => y <= maxYear).Distinct().ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary>The latest four-digit year from 1800 up to <paramref name="maxYear"/> that the text mentions.</summary>
    public static int? LatestYearMentioned(string text, int maxYear)
    {
        int? latest = null;
        foreach (Match match in Year.Matches(text))
        {
            var year = int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (year <= maxYear && (latest is null || year > latest)) latest = year;
        }
        return latest;
    }

    /// <summary>
    /// The calendar date of a mention. Without a year: with a weekday, the latest year not after today in which
    /// the date falls on that weekday and not before <paramref name="floorYear"/>; without one, <paramref name="floorYear"/>
    /// (or the current year), moved back a year if that would put the date after today.
    /// </summary>
    public static DateOnly? Resolve(DateMention mention, int? floorYear, DateOnly today)
    {
        if (mention.Year is { } year) return Make(year, mention.Month, mention.Day);
        if (mention.Weekday is { } weekday)
            return LatestWithWeekday(mention, weekday, floorYear ?? 0, today) ?? LatestWithWeekday(mention, weekday, 0, today);

        var candidate = Make(floorYear ?? today.Year, mention.Month, mention.Day);
        return candidate > today ? Make(candidate.Value.Year - 1, mention.Month, mention.Day) : candidate;
    }

    private static DateOnly? LatestWithWeekday(DateMention mention, DayOfWeek weekday, int floorYear, DateOnly today)
    {
        for (var year = today.Year; year >= Math.Max(floorYear, 1800); year--)
            if (Make(year, mention.Month, mention.Day) is { } date && date <= today && date.DayOfWeek == weekday)
                return date;
        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static DateMention? ToMention(Match match)
    {
        var monthName = match.Groups["month"].Value;
        // English month names must be capitalised so that "may" the verb is not a month.
        if (monthName[0] is >= 'a' and <= 'z') return null;
        if (Months.Number(monthName) is not { } month) return null;
        var day = int.Parse(match.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (day is < 1 or > 31) return null;
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var weekday = match.Groups["weekday"].Success ? Months.Weekday(match.Groups["weekday"].Value) : null;
        return new DateMention(day, month, year, weekday);
    }
}
