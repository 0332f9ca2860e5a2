using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>What to count: facet fields (keyword, entity, and "timeline" by <see cref="Interval"/>) for a query and filters.</summary>
public sealed record FacetRequest(string Query, SearchFilters Filters, IReadOnlyList<string> Fields, int Size, TimelineInterval Interval = TimelineInterval.Month, bool Strict = false);

/// <summary>A facet value with its count and names; timeline values are bucket start dates.</summary>
public sealed record FacetValue(string Value, string LabelEn, string LabelRu, int Count);

/// <param name="Total">Exact number of statements matching the query and every filter.</param>
public sealed record FacetResult(long Total, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Fields);

/// <summary>Too many timeline buckets for one answer.</summary>
public sealed class TooManyBucketsException(int buckets) : Exception(
    $"The timeline has {buckets} buckets; the limit is {FacetService.MaxTimelineBuckets}. Choose a longer interval or a narrower date range.");

/// <summary>
/// Facet counts with multi-select semantics: each field is counted under every filter except its own, so a page can
/// list every language while one is selected. The timeline is counted under every filter. Counts are exact.
/// </summary>
public sealed class FacetService(IndexCatalog catalog, QueryBuilder queries, FacetLabels labels, Gazetteer gazetteer, TimeProvider? clock = null)
{
    public const string Timeline = "timeline";
    public const int MaxTimelineBuckets = 1_000;

    public static readonly IReadOnlyList<string> Fields = [.. FacetLabels.Fields, Timeline];

    public FacetResult Count(FacetRequest request)
    {
        var plan = queries.Build(request.Query, request.Strict);
        return catalog.Read(index => Count(index, plan, request));
    }

    private FacetResult Count(StatementIndex index, QueryPlan plan, FacetRequest request)
    {
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        SearchService.CheckPrefixes(searcher.IndexReader, plan.Terms, queries.Limits);

        var results = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        long? total = null;
        foreach (var group in request.Fields.GroupBy(f => OwnFilterIsSet(f, request.Filters) ? f : ""))
        {
            var filters = group.Key.Length == 0 ? request.Filters : WithoutOwnFilter(group.Key, request.Filters);
            var keywordFields = group.Where(f => f != Timeline).ToList();
            var wantsTimeline = group.Contains(Timeline);
            var counts = FacetCounter.Count(searcher, plan.Query, SearchService.FilterOf(filters), keywordFields, wantsTimeline ? request.Interval : null, queries.Limits.Timeout, clock ?? TimeProvider.System);
            if (group.Key.Length == 0) total = counts.Matched;
            foreach (var field in keywordFields)
                results[field] = FacetCounter.Top(counts.ByField[field], request.Size).Select(c => Describe(field, c)).ToList();
            if (counts.Timeline is { } timeline) results[Timeline] = TimelineValues(timeline, request.Interval);
        }
        total ??= Matches(searcher, plan.Query, request.Filters);
        return new FacetResult(total.Value, request.Fields.ToDictionary(f => f, f => results[f]));
    }

    /// <summary>
    /// Values of a facet field whose value or name (English or Russian, any word of it) begins with
    /// <paramref name="prefix"/>, most frequent first, with exact counts over all statements: autocomplete.
    /// </summary>
    public IReadOnlyList<FacetValue> SearchValues(string field, string prefix, int size)
    {
        var folded = LinkTokens.Fold(prefix.Trim());
        return catalog.Read(index => SearchValues(index, field, folded, size));
    }

    private List<FacetValue> SearchValues(StatementIndex index, string field, string folded, int size)
    {
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var candidates = IndexFields.EntityFacets.Contains(field)
            ? gazetteer.Entries.Values.Where(e => e.Type == field && NameStartsWith(EntityNames(e), folded)).Select(e => e.Id)
            : IndexedValues(searcher.IndexReader, field).Where(v => NameStartsWith([v, .. Names(labels.For(field, v))], folded));
        return candidates
            .Select(value => new FacetCount(value, Matches(searcher, new TermQuery(new Term(field, value)), SearchFilters.None)))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Take(size)
            .Select(c => Describe(field, new FacetCount(c.Value, (int)c.Count)))
            .ToList();
    }

    private FacetValue Describe(string field, FacetCount count)
    {
        var names = labels.For(field, count.Value);
        return new FacetValue(count.Value, names.En, names.Ru, count.Count);
    }

    private static List<FacetValue> TimelineValues(Dictionary<int, int> buckets, TimelineInterval interval)
    {
        if (buckets.Count > MaxTimelineBuckets) throw new TooManyBucketsException(buckets.Count);
        return buckets.OrderBy(b => b.Key).Select(b =>
        {
            var (value, label) = Timelines.Describe(b.Key, interval);
            return new FacetValue(value, label, label, b.Value);
        }).ToList();
    }

    private static int Matches(IndexSearcher searcher, Query query, SearchFilters filters)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(query, SearchService.FilterOf(filters), counter);
        return counter.TotalHits;
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

    private static IEnumerable<string> IndexedValues(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) yield break;
        var enumerator = terms.GetEnumerator();
        while (enumerator.MoveNext()) yield return enumerator.Term.Utf8ToString();
    }

    private static IEnumerable<string> Names(Statements.EntityLabels labels) => [labels.En, labels.Ru];

    private static List<string> EntityNames(GazetteerEntry entry) =>
        [entry.Label.En ?? "", entry.Label.Ru ?? "", entry.Abbr?.En ?? "", entry.Abbr?.Ru ?? "", .. entry.Names.All, .. entry.Surnames?.All ?? []];

    private static bool NameStartsWith(IEnumerable<string> names, string foldedPrefix)
    {
        if (foldedPrefix.Length == 0) return true;
        foreach (var name in names)
        {
            var folded = LinkTokens.Fold(name);
            if (folded.StartsWith(foldedPrefix, StringComparison.Ordinal)) return true;
            foreach (var word in folded.Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
                if (word.StartsWith(foldedPrefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
