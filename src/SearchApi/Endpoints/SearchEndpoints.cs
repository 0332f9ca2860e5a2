using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Observability;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/search and /api/v1/search/explain: full-text search over statements in English and Russian.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/search").WithTags("Search").AddEndpointFilter<ReadyIndexFilter>();
        group.MapGet("", Search)
            .WithName("Search")
            .WithSummary("Search statements")
            .WithDescription(
                "Finds statements that match q, in English or Russian and in any grammatical form, optionally filtered by " +
                "language, source, kind, date and the people, organisations and places they name. Each hit comes with " +
                "snippets and title in which the matched words are marked, and says how it matched. Results are paged: " +
                "pass nextCursor back as cursor for the next page. Add facet= to get facet counts in the same answer.\n\n" +
                QueryLanguage.Table)
            .ProducesReadProblems()
            .ProducesProblem(StatusCodes.Status410Gone);
        group.MapGet("/explain", Explain)
            .WithName("ExplainQuery")
            .WithSummary("Show how a query is read")
            .WithDescription(
                "Shows the parsed query, the terms each analyzer produces for each word and field (exact forms, English " +
                "and Russian stems and name keys, transliteration keys), the people, organisations and places the words " +
                "name, the translations each word or term is also looked for in (the other language's forms), and the " +
                "Lucene query that runs — so you can see why a statement matched or did not. Add id= to check one statement.")
            .ProducesReadProblems();
        group.MapExport();
        group.MapAtomFeed();
        return group;
    }

    private static Results<Ok<SearchResponse>, StatusCodeHttpResult> Search(
        [AsParameters] SearchParameters parameters, ReadSessions sessions, CursorCodec cursors, SearchMetrics metrics, HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var request = ReadRequests.Query(parameters.ToInput());
        var sort = ReadRequests.Sort(parameters.Sort, request.Query.Length > 0);
        var page = new SearchPage(sort, ReadRequests.Limit(parameters.Limit), Snippets: ReadRequests.Snippets(parameters.Snippets, parameters.SnippetLength));
        var html = ReadRequests.Html(parameters.Highlight);
        var facets = new FacetSpec(
            ReadRequests.FacetFields("facet", parameters.Facet, []), ReadRequests.FacetSize(parameters.FacetSize, "facetSize"), ReadRequests.Interval(parameters.Interval));
        var after = cursors.DecodeSearch(parameters.Cursor, CursorCodec.Fingerprint(request, sort));

        // One snapshot for the page and its facets: page N's counts are page 1's.
        using var session = sessions.Open(request, after?.Snapshot);
        if (IndexETags.NotModified(http, session)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var result = session.Search(page with { After = after?.Position });
        var facetCounts = facets.Fields.Count == 0 ? null : FacetEndpoints.ToResponse(session.Facets(facets));
        var took = Stopwatch.GetElapsedTime(started);
        metrics.RecordSearch("search", took, result.Total);
        return TypedResults.Ok(new SearchResponse(
            result.Total,
            (long)took.TotalMilliseconds,
            result.Hits.Select(h => ToResponse(h, html)).ToList(),
            result.Next is { } next ? cursors.Encode(next, CursorCodec.Fingerprint(request, sort)) : null,
            facetCounts?.Facets,
            result.Degraded is { } degraded ? $"{degraded.Message} (at position {degraded.Position}); the query was read as plain words." : null,
            result.OtherLanguage is { } other ? ToResponse(other, request, result.Total) : null,
            result.Partial ? "partial" : "all",
            result.Suggestion is { } suggestion ? new SuggestionResponse(suggestion.Query, suggestion.Total) : null));
    }

    private static LanguageSuggestionResponse ToResponse(LanguageSuggestion other, QueryRequest request, long total)
    {
        var otherName = LanguageName(other.Lang);
        var match = total == 1 ? "matches" : "match";
        var found = request.Filters.Langs.Count == 1
            ? $"{total:N0} {LanguageName(request.Filters.Langs[0])} {Statements(total)} {match}"
            : $"{total:N0} {Statements(total)} {match} the words as typed";
        return new LanguageSuggestionResponse(other.Lang, other.Total, $"{found}; {other.Total:N0} {otherName} {Statements(other.Total)} do, in translation.");
    }

    private static string LanguageName(string lang) => Core.Statements.Languages.Labels(lang).En;

    private static string Statements(long count) => count == 1 ? "statement" : "statements";

    private static Results<Ok<ExplainResponse>, StatusCodeHttpResult> Explain(
        [AsParameters] ExplainParameters parameters, ReadSessions sessions, QueryBuilder queries, Core.Entities.Gazetteer gazetteer, HttpContext http)
    {
        var request = ReadRequests.Query(new QueryInput(parameters.Q, parameters.Strict, CrossLanguage: parameters.CrossLanguage));
        var id = string.IsNullOrWhiteSpace(parameters.Id) ? null : parameters.Id.Trim();
        using var session = sessions.Open(request);
        if (IndexETags.NotModified(http, session)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var plan = session.Plan;
        var words = plan.Words.Select(w => new ExplainedWordResponse(
            w.Text,
            ScopeName(w.Scope),
            w.FieldTerms ?? new Dictionary<string, IReadOnlyList<string>>(),
            w.EntityId is { } entityId
                ? new EntityRefResponse(entityId, Core.Statements.EntityTypes.OfId(entityId), ToLabels(gazetteer.LabelsOf(entityId)))
                : null,
            (w.Translations ?? []).Select(t => new TranslationResponse(t.To, t.Text, t.Headword, t.Sense, t.Weight)).ToList(),
            w.TypoEdits)).ToList();
        var statement = session.Explain(id) is { } s
            ? new ExplainedStatementResponse(s.Id, s.Exists, s.Matches, s.Score, s.MatchedBy.Select(MatchKindNames.Of).ToList())
            : null;
        return TypedResults.Ok(new ExplainResponse(
            request.Query,
            plan.Degraded is { } degraded ? new SyntaxErrorResponse(degraded.Message, degraded.Position) : null,
            plan.Syntax is { } syntax ? ToResponse(syntax) : null,
            words,
            plan.Scoring.ToString(),
            statement,
            new QueryLimitsResponse(ReadRequests.MaxQueryLength, queries.Limits.MaxClauses, queries.Limits.MaxPrefixExpansions)));
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
            html ? HtmlHighlights.Render(s.Title, hit.TitleHighlights) : null,
            hit.MissingWords);
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
