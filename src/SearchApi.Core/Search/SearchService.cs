using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Answers searches and facet counts from the index.</summary>
public sealed class SearchService(StatementIndex index)
{
    private readonly Highlighter _highlighter = new(index.Analyzer);

    public SearchResult Search(SearchRequest request)
    {
        var parsed = TextQuery.Parse(request.Query, index.Analyzer);
        var filter = FilterQuery.Build(request.Filters) is { } filterQuery ? new QueryWrapperFilter(filterQuery) : null;
        var sort = SortOrder.For(request.Sort);
        var after = request.After is { } position ? SortOrder.After(position, request.Sort) : null;
        var snippetOptions = request.Snippets ?? SnippetOptions.Default;

        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        // One hit more than the page tells whether a next page exists.
        var top = searcher.SearchAfter(after, parsed.Query, filter, request.Limit + 1, sort, doDocScores: true, doMaxScore: false);
        var hits = new List<SearchHit>(Math.Min(request.Limit, top.ScoreDocs.Length));
        foreach (var scoreDoc in top.ScoreDocs.Take(request.Limit))
        {
            var fieldDoc = (FieldDoc)scoreDoc;
            var statement = StatementDocuments.Read(searcher.Doc(scoreDoc.Doc));
            var snippets = _highlighter.Snippets(statement.Text, statement.Lang, parsed.Terms, snippetOptions);
            hits.Add(new SearchHit(statement, parsed.MatchesAll ? 0 : scoreDoc.Score, snippets, SortOrder.PositionOf(fieldDoc, request.Sort)));
        }
        var next = top.ScoreDocs.Length > request.Limit && hits.Count > 0 ? hits[^1].Position : null;
        return new SearchResult(top.TotalHits, hits, next);
    }

    public FacetResult Facets(string query, SearchFilters filters, IReadOnlyList<string> fields, int size)
    {
        var parsed = TextQuery.Parse(query, index.Analyzer);
        var filter = FilterQuery.Build(filters) is { } filterQuery ? new QueryWrapperFilter(filterQuery) : null;
        using var lease = index.Acquire();
        return FacetCounter.Count(lease.Searcher, parsed.Query, filter, fields, size);
    }
}
