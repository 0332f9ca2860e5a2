namespace SearchApi.Core.Statements;

/// <summary>How a statement's date was found. A statement without a date has no precision.</summary>
public static class DatePrecisions
{
    /// <summary>The text (or the record it came in) states the full date.</summary>
    public const string Day = "day";

    /// <summary>Day and month are stated; the year was inferred from the weekday or from years the text mentions.</summary>
    public const string Inferred = "inferred";

    /// <summary>Only the year is known (from the title: "UNGA session 46 (1991)"); the date is the year's first day.</summary>
    public const string Year = "year";

    public static bool IsKnown(string? precision) => precision is Day or Inferred or Year;
}
