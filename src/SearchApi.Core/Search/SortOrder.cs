using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>The Lucene sorts behind <see cref="SearchSort"/>. Each ends with the id, so that the order is total and paging is exact.</summary>
public static class SortOrder
{
    private static readonly Sort Relevance = new(
        SortField.FIELD_SCORE,
        DateField(descending: true),
        new SortField(IndexFields.Id, SortFieldType.STRING));

    private static readonly Sort Oldest = new(DateField(descending: false), new SortField(IndexFields.Id, SortFieldType.STRING));

    private static readonly Sort Newest = new(DateField(descending: true), new SortField(IndexFields.Id, SortFieldType.STRING));

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
        var offset = sort == SearchSort.Relevance ? 1 : 0;
        var days = (J2N.Numerics.Int32)hit.Fields[offset];
        var id = ((BytesRef)hit.Fields[offset + 1]).Utf8ToString();
        return new SearchPosition(float.IsNaN(hit.Score) ? 0 : hit.Score, days, id);
    }

    public static FieldDoc After(SearchPosition position, SearchSort sort)
    {
        object days = J2N.Numerics.Int32.GetInstance(position.Days);
        object id = new BytesRef(position.Id);
        object[] fields = sort == SearchSort.Relevance ? [J2N.Numerics.Single.GetInstance(position.Score), days, id] : [days, id];
        return new FieldDoc(int.MaxValue, position.Score, fields);
    }
}
