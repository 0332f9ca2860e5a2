using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// For a page of hits, one query's scorer advanced to each hit in document order: how <see cref="MatchKinds"/> tells
/// which hits a kind of match finds, and how <see cref="ProximityRescorer"/> reads each hit's bonus, without running
/// the query over the whole index.
/// </summary>
internal static class HitScorers
{
    /// <summary>
    /// Calls <paramref name="matched"/> with each hit the weight's query matches (an index into <paramref name="docs"/>)
    /// and its scorer positioned on it. <paramref name="inDocOrder"/> lists the hits to visit, by ascending document.
    /// </summary>
    public static void Visit(IndexSearcher searcher, Weight weight, IReadOnlyList<int> docs, IEnumerable<int> inDocOrder, Action<int, Scorer> matched)
    {
        var leaves = searcher.IndexReader.Leaves;
        Scorer? scorer = null;
        var leafIndex = -1;
        foreach (var i in inDocOrder)
        {
            var leaf = ReaderUtil.SubIndex(docs[i], leaves);
            if (leaf != leafIndex)
            {
                leafIndex = leaf;
                scorer = weight.GetScorer(leaves[leaf], leaves[leaf].AtomicReader.LiveDocs);
            }
            if (scorer is null) continue;
            var target = docs[i] - leaves[leaf].DocBase;
            var doc = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
            if (doc == target) matched(i, scorer);
            else if (doc == DocIdSetIterator.NO_MORE_DOCS) scorer = null;
        }
    }
}
