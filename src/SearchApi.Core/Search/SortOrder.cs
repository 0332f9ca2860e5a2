using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>
/// The Lucene sorts behind <see cref="SearchSort"/>. Lucene breaks the last tie by document number, so the order is
/// total within one index snapshot, which is what a cursor pages through.
/// </summary>
public static class SortOrder
{
    private static readonly Sort Relevance = new(SortField.FIELD_SCORE, DateField(descending: true));

    private static readonly Sort Oldest = new(DateField(descending: false));

    private static readonly Sort Newest = new(DateField(descending: true));

    public static Sort For(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => Relevance,
        SearchSort.Date => Oldest,
        _ => Newest,
    };

    // Undated statements sort last both ways: the stand-in value is the far end of the order.
    private static SortField DateField(bool descending)
    {
        var field = new SortField(IndexFields.Date, SortFieldType.INT32, descending);
        field.SetMissingValue(descending ? int.MinValue : int.MaxValue);
        return field;
    }

    public static SearchPosition PositionOf(FieldDoc hit, SearchSort sort)
    {
        var days = (J2N.Numerics.Int32)hit.Fields[sort == SearchSort.Relevance ? 1 : 0];
        return new SearchPosition(float.IsNaN(hit.Score) ? 0 : hit.Score, days, hit.Doc);
    }

    /// <summary>The relevance order as a comparison: score, then date (newest first), then document number.</summary>
    public static int CompareRelevance(FieldDoc a, FieldDoc b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var byDate = ((J2N.Numerics.Int32)b.Fields[1]).CompareTo((J2N.Numerics.Int32)a.Fields[1]);
        return byDate != 0 ? byDate : a.Doc.CompareTo(b.Doc);
    }

    public static FieldDoc After(SearchPosition position, SearchSort sort)
    {
        object days = J2N.Numerics.Int32.GetInstance(position.Days);
        object[] fields = sort == SearchSort.Relevance ? [J2N.Numerics.Single.GetInstance(position.Score), days] : [days];
        return new FieldDoc(position.Doc, position.Score, fields);
    }
}
