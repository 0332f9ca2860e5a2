using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Builds the Lucene filter for <see cref="SearchFilters"/>: every field restricts, values within a field are alternatives.</summary>
public static class FilterQuery
{
    /// <summary>The filter, or null when nothing is filtered.</summary>
    public static Query? Build(SearchFilters filters)
    {
        var all = new BooleanQuery();
        AddAnyOf(all, IndexFields.Lang, filters.Langs);
        AddAnyOf(all, IndexFields.Source, filters.Sources);
        AddAnyOf(all, IndexFields.Kind, filters.Kinds);
        // Entity filters: every named entity must appear (a journalist narrowing to Lavrov and the CSTO wants both).
        foreach (var id in filters.People.Concat(filters.Organizations).Concat(filters.Places))
            all.Add(new TermQuery(new Term(IndexFields.Entity, id)), Occur.MUST);
        if (filters.From is not null || filters.To is not null)
        {
            all.Add(NumericRangeQuery.NewInt32Range(
                IndexFields.Date,
                filters.From is { } from ? DateEncoding.ToDays(from) : null,
                filters.To is { } to ? DateEncoding.ToDays(to) : null,
                minInclusive: true,
                maxInclusive: true), Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>The filter as Lucene applies it to a search, or null when nothing is filtered.</summary>
    public static Filter? FilterOf(SearchFilters filters) => Build(filters) is { } query ? new QueryWrapperFilter(query) : null;

    private static void AddAnyOf(BooleanQuery all, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        var any = new BooleanQuery();
        foreach (var value in values) any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        all.Add(any, Occur.MUST);
    }
}
