using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// Tells how a hit matched: for each query word, the strongest kind of match (exact, stem, entity, transliteration)
/// whose query finds the hit, by advancing that kind's scorer to the document.
/// </summary>
public sealed class MatchKinds
{
    private readonly IndexSearcher _searcher;
    private readonly List<Dictionary<MatchKind, Weight>> _words = [];

    public MatchKinds(IndexSearcher searcher, QueryPlan plan)
    {
        _searcher = searcher;
        foreach (var word in plan.Words)
            _words.Add(word.ByKind.ToDictionary(kv => kv.Key, kv => searcher.CreateNormalizedWeight(kv.Value)));
    }

    public IReadOnlyList<MatchKind> Of(int doc)
    {
        var kinds = new SortedSet<MatchKind>();
        foreach (var word in _words)
            foreach (var kind in Enum.GetValues<MatchKind>())
                if (word.TryGetValue(kind, out var weight) && Matches(_searcher, weight, doc))
                {
                    kinds.Add(kind);
                    break;
                }
        return [.. kinds];
    }

    /// <summary>Whether the query behind <paramref name="weight"/> matches one document, found by advancing its scorer.</summary>
    public static bool Matches(IndexSearcher searcher, Weight weight, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var target = doc - leaf.DocBase;
        return weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.Advance(target) == target;
    }
}
