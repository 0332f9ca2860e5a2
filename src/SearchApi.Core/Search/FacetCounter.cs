using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchApi.Core.Search;

/// <summary>One facet value and the number of matching statements that have it.</summary>
public sealed record FacetCount(string Value, int Count);

/// <summary>Exact facet counts: the number of matching statements and, per field, the values by count (then value).</summary>
public sealed record FacetResult(long Total, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Fields);

/// <summary>
/// Counts facet values from sorted-set doc values for every statement a query matches: per segment by ordinal, then
/// merged by value. Exact, since every matching document is visited.
/// </summary>
public static class FacetCounter
{
    public static FacetResult Count(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyList<string> fields, int size)
    {
        var collector = new OrdinalCollector(fields);
        searcher.Search(query, filter, collector);
        collector.Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            result[fields[f]] = collector.Totals[f]
                .Select(kv => new FacetCount(kv.Key, kv.Value))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Take(size)
                .ToList();
        }
        return new FacetResult(collector.Matched, result);
    }

    private sealed class OrdinalCollector(IReadOnlyList<string> fields) : ICollector
    {
        private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
        private readonly int[][] _counts = new int[fields.Count][];
        private readonly BytesRef _scratch = new();

        public List<Dictionary<string, int>> Totals { get; } = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();

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
