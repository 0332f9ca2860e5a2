using System.Globalization;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

public enum TimelineInterval
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>Date buckets of the timeline facet: a bucket is named by its first day; weeks start on Monday (ISO 8601).</summary>
public static class Timelines
{
    /// <summary>The first day (as days since 1970-01-01) of the bucket holding <paramref name="days"/>.</summary>
    public static int BucketOf(int days, TimelineInterval interval)
    {
        var date = DateEncoding.FromDays(days);
        var start = interval switch
        {
            TimelineInterval.Day => date,
            TimelineInterval.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
            TimelineInterval.Month => new DateOnly(date.Year, date.Month, 1),
            _ => new DateOnly(date.Year, 1, 1),
        };
        return DateEncoding.ToDays(start);
    }

    /// <summary>The first day of the bucket after <paramref name="bucket"/>.</summary>
    public static int Next(int bucket, TimelineInterval interval)
    {
        var start = DateEncoding.FromDays(bucket);
        return DateEncoding.ToDays(interval switch
        {
            TimelineInterval.Day => start.AddDays(1),
            TimelineInterval.Week => start.AddDays(7),
            TimelineInterval.Month => start.AddMonths(1),
            _ => start.AddYears(1),
        });
    }

    /// <summary>Every bucket from the first counted to the last, those without statements at 0: a chart needs no gap filling.</summary>
    public static IEnumerable<(int Bucket, int Count)> Contiguous(IReadOnlyDictionary<int, int> counts, TimelineInterval interval)
    {
        if (counts.Count == 0) yield break;
        var last = counts.Keys.Max();
        for (var bucket = counts.Keys.Min(); bucket <= last; bucket = Next(bucket, interval))
            yield return (bucket, counts.GetValueOrDefault(bucket));
    }

    /// <summary>How many buckets <see cref="Contiguous"/> gives, without listing them.</summary>
    public static long Span(IReadOnlyCollection<int> buckets, TimelineInterval interval)
    {
        if (buckets.Count == 0) return 0;
        var first = DateEncoding.FromDays(buckets.Min());
        var last = DateEncoding.FromDays(buckets.Max());
        return interval switch
        {
            TimelineInterval.Day => last.DayNumber - first.DayNumber + 1,
            TimelineInterval.Week => (last.DayNumber - first.DayNumber) / 7 + 1,
            TimelineInterval.Month => (last.Year - first.Year) * 12L + last.Month - first.Month + 1,
            _ => last.Year - first.Year + 1,
        };
    }

    /// <summary>The bucket's value (its first day, YYYY-MM-DD) and label (2022-01-17, 2022-W03, 2022-01 or 2022).</summary>
    public static (string Value, string Label) Describe(int bucket, TimelineInterval interval)
    {
        var start = DateEncoding.FromDays(bucket);
        var value = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var label = interval switch
        {
            TimelineInterval.Day => value,
            TimelineInterval.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}",
            TimelineInterval.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => start.ToString("yyyy", CultureInfo.InvariantCulture),
        };
        return (value, label);
    }
}
