using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Answers searches and facet counts from the index.</summary>
public sealed class SearchService(StatementIndex index, QueryBuilder queries)
{
    private readonly Highlighter _highlighter = new(index.Analyzer);

    public SearchResult Search(SearchRequest request)
    {
        var plan = queries.Build(request.Query);
        var filter = FilterOf(request.Filters);
        var sort = SortOrder.For(request.Sort);
        var after = request.After is { } position ? SortOrder.After(position, request.Sort) : null;
        var snippetOptions = request.Snippets ?? SnippetOptions.Default;

        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        // One hit more than the page tells whether a next page exists.
        var top = searcher.SearchAfter(after, plan.Query, filter, request.Limit + 1, sort, doDocScores: true, doMaxScore: false);
        var matchKinds = plan.MatchesAll ? null : new MatchKinds(searcher, plan);
        var hits = new List<SearchHit>(Math.Min(request.Limit, top.ScoreDocs.Length));
        foreach (var scoreDoc in top.ScoreDocs.Take(request.Limit))
        {
            var statement = StatementDocuments.Read(searcher.Doc(scoreDoc.Doc));
            var snippets = _highlighter.Snippets(statement, plan.Terms, snippetOptions);
            hits.Add(new SearchHit(
                statement,
                plan.MatchesAll ? 0 : scoreDoc.Score,
                snippets,
                SortOrder.PositionOf((FieldDoc)scoreDoc, request.Sort),
                matchKinds?.Of(scoreDoc.Doc) ?? []));
        }
        var next = top.ScoreDocs.Length > request.Limit && hits.Count > 0 ? hits[^1].Position : null;
        return new SearchResult(top.TotalHits, hits, next);
    }

    public FacetResult Facets(string query, SearchFilters filters, IReadOnlyList<string> fields, int size)
    {
        var plan = queries.Build(query);
        using var lease = index.Acquire();
        return FacetCounter.Count(lease.Searcher, plan.Query, FilterOf(filters), fields, size);
    }

    private static QueryWrapperFilter? FilterOf(SearchFilters filters) =>
        FilterQuery.Build(filters) is { } query ? new QueryWrapperFilter(query) : null;
}
