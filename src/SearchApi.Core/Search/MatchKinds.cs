using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// Tells how hits matched: for each query word, the strongest kind of match (exact, stem, entity, transliteration)
/// whose query finds the hit, by advancing that kind's scorer to the hits. A page of hits is done together, in
/// document order, and a kind's query is only prepared while some hit is still waiting for its word's answer.
/// </summary>
public static class MatchKinds
{
    public static IReadOnlyList<MatchKind>[] Of(IndexSearcher searcher, QueryPlan plan, IReadOnlyList<int> docs)
    {
        var kinds = new SortedSet<MatchKind>[docs.Count];
        for (var i = 0; i < kinds.Length; i++) kinds[i] = [];
        var byDoc = Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]).ToList();
        foreach (var word in plan.Words)
        {
            var pending = byDoc;
            foreach (var kind in Enum.GetValues<MatchKind>())
            {
                if (pending.Count == 0) break;
                if (!word.ByKind.TryGetValue(kind, out var query)) continue;
                var matched = Matching(searcher, searcher.CreateNormalizedWeight(query), pending, docs);
                foreach (var i in matched) kinds[i].Add(kind);
                pending = pending.Where(i => !matched.Contains(i)).ToList();
            }
        }
        return kinds.Select(k => (IReadOnlyList<MatchKind>)[.. k]).ToArray();
    }

    /// <summary>Which of <paramref name="docs"/> (by index) the query matches.</summary>
    public static IReadOnlySet<int> Matching(IndexSearcher searcher, Query query, IReadOnlyList<int> docs) =>
        Matching(searcher, searcher.CreateNormalizedWeight(query), Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]).ToList(), docs);

    /// <summary>Which of the hits (indexes into <paramref name="docs"/>, in document order) the weight's query matches.</summary>
    private static HashSet<int> Matching(IndexSearcher searcher, Weight weight, List<int> hits, IReadOnlyList<int> docs)
    {
        var matched = new HashSet<int>();
        HitScorers.Visit(searcher, weight, docs, hits, (i, _) => matched.Add(i));
        return matched;
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
