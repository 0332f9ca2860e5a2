using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>What to count: facet fields (keyword, entity, and "timeline" by <paramref name="Interval"/>), and how many values per field.</summary>
public sealed record FacetSpec(IReadOnlyList<string> Fields, int Size = ReadRequests.DefaultFacetSize, TimelineInterval Interval = TimelineInterval.Month)
{
    public const string Timeline = "timeline";
    public const int MaxTimelineBuckets = 1_000;

    /// <summary>Every field a facet count may ask for.</summary>
    public static readonly IReadOnlyList<string> AllFields = [.. FacetLabels.Fields, Timeline];
}

/// <summary>A facet value with its count and names; timeline values are bucket start dates.</summary>
public sealed record FacetValue(string Value, string LabelEn, string LabelRu, int Count);

/// <param name="Total">Exact number of statements matching the query and every filter.</param>
public sealed record FacetResult(long Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Fields);

/// <summary>Too many timeline buckets for one answer.</summary>
public sealed class TooManyBucketsException(long buckets) : Exception(
    $"The timeline has {buckets} buckets; the limit is {FacetSpec.MaxTimelineBuckets}. Choose a longer interval or a narrower date range.");

/// <summary>
/// Facet counts with multi-select semantics: each field is counted under every filter except its own, so a page can
/// list every language while one is selected. The timeline is counted under every filter. Counts are exact.
/// </summary>
internal static class FacetCounts
{
    public static FacetResult Count(Lucene.Net.Search.IndexSearcher searcher, Lucene.Net.Search.Query query, SearchFilters filters, FacetSpec spec, FacetLabels labels, QueryLimits limits, TimeProvider clock)
    {
        var results = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        long? total = null;
        foreach (var group in spec.Fields.GroupBy(f => OwnFilterIsSet(f, filters) ? f : ""))
        {
            var groupFilters = group.Key.Length == 0 ? filters : WithoutOwnFilter(group.Key, filters);
            var keywordFields = group.Where(f => f != FacetSpec.Timeline).ToList();
            var wantsTimeline = group.Contains(FacetSpec.Timeline);
            var counts = FacetCounter.Count(searcher, query, FilterQuery.FilterOf(groupFilters), keywordFields, wantsTimeline ? spec.Interval : null, limits.Timeout, clock);
            if (group.Key.Length == 0) total = counts.Matched;
            foreach (var field in keywordFields)
                results[field] = FacetCounter.Top(counts.ByField[field], spec.Size).Select(c => Describe(labels, field, c)).ToList();
            if (counts.Timeline is { } timeline) results[FacetSpec.Timeline] = TimelineValues(timeline, spec.Interval);
        }
        total ??= Matches(searcher, query, filters);
        return new FacetResult(total.Value, spec.Fields.ToDictionary(f => f, f => results[f]));
    }

    public static FacetValue Describe(FacetLabels labels, string field, FacetCount count)
    {
        var names = labels.For(field, count.Value);
        return new FacetValue(count.Value, names.En, names.Ru, count.Count);
    }

    public static int Matches(Lucene.Net.Search.IndexSearcher searcher, Lucene.Net.Search.Query query, SearchFilters filters)
    {
        var counter = new Lucene.Net.Search.TotalHitCountCollector();
        searcher.Search(query, FilterQuery.FilterOf(filters), counter);
        return counter.TotalHits;
    }

    private static List<FacetValue> TimelineValues(Dictionary<int, int> buckets, TimelineInterval interval)
    {
        var span = Timelines.Span(buckets.Keys, interval);
        if (span > FacetSpec.MaxTimelineBuckets) throw new TooManyBucketsException(span);
        return Timelines.Contiguous(buckets, interval).Select(b =>
        {
            var (value, label) = Timelines.Describe(b.Bucket, interval);
            return new FacetValue(value, label, label, b.Count);
        }).ToList();
    }

    private static bool OwnFilterIsSet(string field, SearchFilters filters) => field switch
    {
        IndexFields.Lang => filters.Langs.Count > 0,
        IndexFields.Source => filters.Sources.Count > 0,
        IndexFields.Kind => filters.Kinds.Count > 0,
        IndexFields.Year => filters.From is not null || filters.To is not null,
        IndexFields.Person => filters.People.Count > 0,
        IndexFields.Organization => filters.Organizations.Count > 0,
        IndexFields.Place => filters.Places.Count > 0,
        _ => false,
    };

    private static SearchFilters WithoutOwnFilter(string field, SearchFilters filters) => field switch
    {
        IndexFields.Lang => filters with { Langs = [] },
        IndexFields.Source => filters with { Sources = [] },
        IndexFields.Kind => filters with { Kinds = [] },
        IndexFields.Year => filters with { From = null, To = null },
        IndexFields.Person => filters with { People = [] },
        IndexFields.Organization => filters with { Organizations = [] },
        IndexFields.Place => filters with { Places = [] },
        _ => filters,
    };
}
