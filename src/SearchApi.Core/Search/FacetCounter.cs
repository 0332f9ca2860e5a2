using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>One facet value and the number of matching statements that have it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>
/// Counts facet values for every statement a query matches, visiting each match once: sorted-set doc values per
/// segment by ordinal, merged by value; and, for the timeline, dates from numeric doc values by interval. Exact.
/// </summary>
public static class FacetCounter
{
    public sealed record Counts(long Matched, IReadOnlyDictionary<string, Dictionary<string, int>> ByField, Dictionary<int, int>? Timeline);

    public static Counts Count(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyList<string> fields, TimelineInterval? timeline, TimeSpan? timeout = null, TimeProvider? clock = null)
    {
        var collector = new Collector(fields, timeline);
        DeadlineCollector.Search(searcher, query, filter, collector, timeout, clock ?? TimeProvider.System);
        collector.Flush();
        return new Counts(collector.Matched, fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => collector.Totals[x.i]), collector.Timeline);
    }

    /// <summary>The most frequent values first (then by value), at most <paramref name="size"/>.</summary>
    public static IReadOnlyList<FacetCount> Top(Dictionary<string, int> counts, int size) =>
        counts.Select(kv => new FacetCount(kv.Key, kv.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Take(size)
            .ToList();

    private sealed class Collector(IReadOnlyList<string> fields, TimelineInterval? interval) : ICollector
    {
        private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
        private readonly int[][] _counts = new int[fields.Count][];
        private readonly BytesRef _scratch = new();
        private NumericDocValues? _dates;
        private IBits? _hasDate;

        public List<Dictionary<string, int>> Totals { get; } = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();

        public Dictionary<int, int>? Timeline { get; } = interval is null ? null : [];

        public long Matched { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var f = 0; f < fields.Count; f++)
            {
                var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
                _values[f] = values;
                _counts[f] = values is null ? [] : new int[values.ValueCount];
            }
            if (Timeline is not null)
            {
                _dates = context.AtomicReader.GetNumericDocValues(IndexFields.Date);
                _hasDate = context.AtomicReader.GetDocsWithField(IndexFields.Date);
            }
        }

        public void Collect(int doc)
        {
            Matched++;
            for (var f = 0; f < _values.Length; f++)
            {
                var values = _values[f];
                if (values is null) continue;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) _counts[f][ord]++;
            }
            if (Timeline is not null && _dates is not null && _hasDate is not null && _hasDate.Get(doc))
            {
                var bucket = Timelines.BucketOf((int)_dates.Get(doc), interval!.Value);
                Timeline[bucket] = Timeline.GetValueOrDefault(bucket) + 1;
            }
        }

        /// <summary>Adds the current segment's ordinal counts to the totals by value.</summary>
        public void Flush()
        {
            for (var f = 0; f < _values.Length; f++)
            {
                var values = _values[f];
                if (values is null) continue;
                var counts = _counts[f];
                for (var ord = 0; ord < counts.Length; ord++)
                {
                    if (counts[ord] == 0) continue;
                    values.LookupOrd(ord, _scratch);
                    var value = _scratch.Utf8ToString();
                    Totals[f][value] = Totals[f].GetValueOrDefault(value) + counts[ord];
                }
                _values[f] = null;
            }
        }
    }
}
