using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Errors;
using SearchApi.Observability;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/search and /api/v1/search/explain: full-text search over statements in English and Russian.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/search").WithTags("Search").AddEndpointFilter<ReadyIndexFilter>().AddEndpointFilter<IndexCacheFilter>();
        group.MapGet("", Search)
            .WithName("Search")
            .WithSummary("Search statements")
            .WithDescription(
                "Finds statements that match q, in English or Russian and in any grammatical form, optionally filtered by " +
                "language, source, kind, date and the people, organisations and places they name. Each hit comes with " +
                "snippets and title in which the matched words are marked, and says how it matched. Results are paged: " +
                "pass nextCursor back as cursor for the next page. Add facet= to get facet counts in the same answer.\n\n" +
                QueryLanguage.Table)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/explain", Explain)
            .WithName("ExplainQuery")
            .WithSummary("Show how a query is read")
            .WithDescription(
                "Shows the parsed query, the terms each analyzer produces for each word and field (exact forms, English " +
                "and Russian stems and name keys, transliteration keys), the people, organisations and places the words " +
                "name, and the Lucene query that runs — so you can see why a statement matched or did not. Add id= to " +
                "check one statement.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapExport();
        return group;
    }

    private static Ok<SearchResponse> Search(
        [AsParameters] SearchParameters parameters, SearchService search, FacetService facets, CursorCodec cursors, SearchMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        var query = RequestParsing.Query(parameters);
        var filters = RequestParsing.Filters(parameters);
        var sort = RequestParsing.Sort(parameters.Sort, query.Length > 0);
        var limit = RequestParsing.Limit(parameters.Limit);
        var snippets = RequestParsing.Snippets(parameters.Snippets, parameters.SnippetLength);
        var html = RequestParsing.Html(parameters.Highlight);
        var facetFields = RequestParsing.FacetFields("facet", parameters.Facet, []);
        var facetSize = RequestParsing.FacetSize(parameters.FacetSize, "facetSize");
        var interval = RequestParsing.Interval(parameters.Interval);
        var strict = parameters.Strict ?? false;
        var fingerprint = CursorCodec.Fingerprint(query, filters, sort);
        Cursor? after = null;
        if (!string.IsNullOrEmpty(parameters.Cursor))
        {
            switch (cursors.TryDecode(parameters.Cursor, fingerprint, out after))
            {
                case CursorError.Invalid:
                    throw new ApiException(ApiErrors.InvalidCursor, "cursor is malformed or was altered; start again without a cursor.");
                case CursorError.Mismatch:
                    throw new ApiException(ApiErrors.CursorMismatch, "cursor was issued for another q, filter or sort; pass the same ones as for the first page.");
                case CursorError.Expired:
                    throw new ApiException(ApiErrors.CursorExpired, "cursor was issued by another instance of the service or before it restarted; start again without a cursor.");
            }
        }

        var result = search.Search(new SearchRequest(query, filters, sort, limit, after, snippets, strict));
        var facetCounts = facetFields.Count == 0
            ? null
            : FacetEndpoints.ToResponse(facets.Count(new FacetRequest(query, filters, facetFields, facetSize, interval, strict)));
        var took = Stopwatch.GetElapsedTime(started);
        metrics.RecordSearch("search", took, result.Total);
        return TypedResults.Ok(new SearchResponse(
            result.Total,
            (long)took.TotalMilliseconds,
            result.Hits.Select(h => ToResponse(h, html)).ToList(),
            result.Next is { } next ? cursors.Encode(next, fingerprint) : null,
            facetCounts?.Facets,
            result.Degraded is { } degraded ? $"{degraded.Message} (at position {degraded.Position}); the query was read as plain words." : null));
    }

    private static Ok<ExplainResponse> Explain([AsParameters] ExplainParameters parameters, SearchService search, QueryBuilder queries, Core.Entities.Gazetteer gazetteer)
    {
        var query = RequestParsing.Query(new QueryParameters { Q = parameters.Q });
        var id = string.IsNullOrWhiteSpace(parameters.Id) ? null : parameters.Id.Trim();
        var explanation = search.Explain(query, parameters.Strict ?? false, id);
        var plan = explanation.Plan;
        var words = plan.Words.Select(w => new ExplainedWordResponse(
            w.Text,
            ScopeName(w.Scope),
            w.FieldTerms ?? new Dictionary<string, IReadOnlyList<string>>(),
            w.EntityId is { } entityId
                ? new EntityRefResponse(entityId, Core.Statements.EntityTypes.OfId(entityId), ToLabels(gazetteer.LabelsOf(entityId)))
                : null)).ToList();
        var statement = explanation.Statement is { } s
            ? new ExplainedStatementResponse(s.Id, s.Exists, s.Matches, s.Score, s.MatchedBy.Select(MatchKindNames.Of).ToList())
            : null;
        return TypedResults.Ok(new ExplainResponse(
            query,
            plan.Degraded is { } degraded ? new SyntaxErrorResponse(degraded.Message, degraded.Position) : null,
            plan.Syntax is { } syntax ? ToResponse(syntax) : null,
            words,
            plan.Scoring.ToString(),
            statement,
            new QueryLimitsResponse(RequestParsing.MaxQueryLength, queries.Limits.MaxClauses, queries.Limits.MaxPrefixExpansions)));
    }

    private static SearchHitResponse ToResponse(SearchHit hit, bool html)
    {
        var s = hit.Statement;
        return new SearchHitResponse(
            s.Id, s.Title, s.Lang, s.Date, s.DatePrecision, s.Source, s.Url, s.Kind, hit.Score,
            hit.Snippets.Select(snippet => new SnippetResponse(
                snippet.Text,
                snippet.Highlights.Select(h => new HighlightResponse(h.Start, h.Length)).ToList(),
                html ? HtmlHighlights.Render(snippet.Text, snippet.Highlights) : null)).ToList(),
            hit.MatchedBy.Select(MatchKindNames.Of).ToList(),
            hit.TitleHighlights.Select(h => new HighlightResponse(h.Start, h.Length)).ToList(),
            html ? HtmlHighlights.Render(s.Title, hit.TitleHighlights) : null);
    }

    private static QueryNodeResponse ToResponse(QueryNode node) => node switch
    {
        TermNode term => new QueryNodeResponse("term", Text: term.Text, Prefix: term.Prefix, Scope: ScopeName(term.Scope)),
        PhraseNode phrase => new QueryNodeResponse("phrase", Scope: ScopeName(phrase.Scope), Words: phrase.Words),
        AndNode and => new QueryNodeResponse("and", Children: and.Children.Select(ToResponse).ToList()),
        OrNode or => new QueryNodeResponse("or", Children: or.Children.Select(ToResponse).ToList()),
        NotNode not => new QueryNodeResponse("not", Children: [ToResponse(not.Child)]),
        _ => new QueryNodeResponse("unknown"),
    };

    private static string ScopeName(FieldScope scope) => scope switch
    {
        FieldScope.Title => "title",
        FieldScope.Text => "text",
        _ => "all",
    };

    private static LabelsResponse ToLabels(Core.Statements.EntityLabels labels) => new(labels.En, labels.Ru);
}
