using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>The best hits of a query after a position in a sort order: the step every walk through a result list is made of.</summary>
internal interface ITopHits
{
    /// <summary>The <paramref name="count"/> hits after <paramref name="after"/> (null: from the start), and how many match in all.</summary>
    (FieldDoc[] Hits, int Total) Top(FieldDoc? after, int count);

    /// <summary>What a hit's own score is divided by in this order: 1, or its language's best score when relevance is blended.</summary>
    float Divisor(int doc);

    /// <summary>The scales of a blended relevance order, known after the first step; null otherwise.</summary>
    LanguageScales? Scales { get; }
}

/// <summary>Hits in one Lucene sort (relevance, or date either way), ties broken by date and document number.</summary>
internal sealed class SortedHits(IndexSearcher searcher, Query query, Filter? filter, SearchSort sort, TimeSpan? timeout, TimeProvider clock) : ITopHits
{
    public (FieldDoc[] Hits, int Total) Top(FieldDoc? after, int count)
    {
        var collector = TopFieldCollector.Create(SortOrder.For(sort), count, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        DeadlineCollector.Search(searcher, query, filter, collector, timeout, clock);
        var top = collector.GetTopDocs();
        return (top.ScoreDocs.Cast<FieldDoc>().ToArray(), top.TotalHits);
    }

    public float Divisor(int doc) => 1f;

    public LanguageScales? Scales => null;
}
