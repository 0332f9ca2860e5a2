using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// Relevance order with the proximity bonus (<see cref="QueryPlan.Proximity"/>) added to the best
/// <see cref="Window"/> hits only: phrase scorers read positions, and running them over every match costs more than
/// the rest of the search. The order stays total and the same on every page: the window's hits, by score with
/// bonus, come before all other hits, by score without (a bonus only raises a score, and the window holds the highest
/// scores without it).
/// </summary>
public static class ProximityRescorer
{
    /// <summary>How many of the best hits get the bonus; the same for every page of one search.</summary>
    public const int Window = 200;

    /// <summary>The <paramref name="count"/> hits after <paramref name="after"/> (relevance order, plain or blended), and how many statements match.</summary>
    internal static (FieldDoc[] Hits, int Total) Search(IndexSearcher searcher, Query proximity, ITopHits relevance, FieldDoc? after, int count)
    {
        var (window, total) = relevance.Top(null, Window);
        var rescored = WithBonus(searcher, proximity, window, relevance);
        Array.Sort(rescored, SortOrder.CompareRelevance);

        var start = 0;
        var inWindow = false;
        if (after is not null)
        {
            var at = Array.FindIndex(rescored, hit => hit.Doc == after.Doc);
            inWindow = at >= 0;
            // A cursor outside the window points into the rest of the hits: the window is behind it.
            start = inWindow ? at + 1 : rescored.Length;
        }
        var page = rescored.Skip(start).Take(count).ToList();
        if (page.Count < count && window.Length == Window)
        {
            // After the window, the other hits by their own scores: from the cursor, or from the window's last hit.
            var restAfter = after is not null && !inWindow ? after : window[^1];
            page.AddRange(relevance.Top(restAfter, count - page.Count).Hits);
        }
        return ([.. page], total);
    }

    /// <summary>
    /// The window's hits with the bonus added to their scores (divided as their scores are in a blended order), found by
    /// advancing the bonus query's scorers to them.
    /// </summary>
    private static FieldDoc[] WithBonus(IndexSearcher searcher, Query proximity, FieldDoc[] window, ITopHits relevance)
    {
        var result = new FieldDoc[window.Length];
        if (window.Length == 0) return result;
        var bonus = new float[window.Length];
        var docs = window.Select(hit => hit.Doc).ToArray();
        HitScorers.Visit(searcher, searcher.CreateNormalizedWeight(proximity), docs,
            Enumerable.Range(0, window.Length).OrderBy(i => docs[i]), (i, scorer) => bonus[i] = scorer.GetScore());
        for (var i = 0; i < window.Length; i++)
        {
            var hit = window[i];
            var score = hit.Score + bonus[i] / relevance.Divisor(hit.Doc);
            var fields = (object[])hit.Fields.Clone();
            fields[0] = J2N.Numerics.Single.GetInstance(score);
            result[i] = new FieldDoc(hit.Doc, score, fields);
        }
        return result;
    }
}
