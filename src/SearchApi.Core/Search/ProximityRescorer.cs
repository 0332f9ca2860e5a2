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

    /// <summary>The <paramref name="count"/> hits after <paramref name="after"/> (relevance order), and how many statements match.</summary>
    public static (FieldDoc[] Hits, int Total) Search(
        IndexSearcher searcher, QueryPlan plan, Filter? filter, FieldDoc? after, int count, TimeSpan? timeout, TimeProvider clock)
    {
        var sort = SortOrder.For(SearchSort.Relevance);
        var collector = TopFieldCollector.Create(sort, Window, null, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        DeadlineCollector.Search(searcher, plan.Query, filter, collector, timeout, clock);
        var top = collector.GetTopDocs();
        var window = top.ScoreDocs.Cast<FieldDoc>().ToArray();
        var rescored = WithBonus(searcher, plan.Proximity!, window);
        Array.Sort(rescored, Compare);

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
            var rest = TopFieldCollector.Create(sort, count - page.Count, restAfter, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            DeadlineCollector.Search(searcher, plan.Query, filter, rest, timeout, clock);
            page.AddRange(rest.GetTopDocs().ScoreDocs.Cast<FieldDoc>());
        }
        return ([.. page], top.TotalHits);
    }

    /// <summary>The window's hits with the bonus added to their scores, found by advancing the bonus query's scorers to them.</summary>
    private static FieldDoc[] WithBonus(IndexSearcher searcher, Query proximity, FieldDoc[] window)
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
            var score = hit.Score + bonus[i];
            var fields = (object[])hit.Fields.Clone();
            fields[0] = J2N.Numerics.Single.GetInstance(score);
            result[i] = new FieldDoc(hit.Doc, score, fields);
        }
        return result;
    }

    // The relevance order: score, then date (newest first), then document number.
    private static int Compare(FieldDoc a, FieldDoc b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var byDate = ((J2N.Numerics.Int32)b.Fields[1]).CompareTo((J2N.Numerics.Int32)a.Fields[1]);
        return byDate != 0 ? byDate : a.Doc.CompareTo(b.Doc);
    }
}
