using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Errors;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/search: full-text search over statements in English and Russian.</summary>
public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/search").WithTags("Search").AddEndpointFilter<ReadyIndexFilter>();
        group.MapGet("", Search)
            .WithName("Search")
            .WithSummary("Search statements")
            .WithDescription(
                "Finds statements that contain every word of q, in English or Russian and in any grammatical form, " +
                "optionally filtered by language, source, kind and date. Each hit comes with snippets in which the " +
                "matched words are marked by offsets. Results are paged: pass nextCursor back as cursor to get the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Ok<SearchResponse> Search([AsParameters] SearchParameters parameters, SearchService search, CursorCodec cursors)
    {
        var started = Stopwatch.GetTimestamp();
        var query = RequestParsing.Query(parameters);
        var filters = RequestParsing.Filters(parameters);
        var sort = RequestParsing.Sort(parameters.Sort, query.Length > 0);
        var limit = RequestParsing.Limit(parameters.Limit);
        var fingerprint = CursorCodec.Fingerprint(query, filters, sort);
        SearchPosition? after = null;
        if (!string.IsNullOrEmpty(parameters.Cursor))
        {
            switch (cursors.TryDecode(parameters.Cursor, fingerprint, out after))
            {
                case CursorError.Invalid:
                    throw new ApiException(ApiErrors.InvalidCursor, "cursor is malformed or was altered; start again without a cursor.");
                case CursorError.Mismatch:
                    throw new ApiException(ApiErrors.CursorMismatch, "cursor was issued for another q, filter or sort; pass the same ones as for the first page.");
            }
        }

        var result = search.Search(new SearchRequest(query, filters, sort, limit, after));
        var hits = result.Hits.Select(ToResponse).ToList();
        var next = result.Next is { } position ? cursors.Encode(position, fingerprint) : null;
        return TypedResults.Ok(new SearchResponse(result.Total, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, hits, next));
    }

    private static SearchHitResponse ToResponse(SearchHit hit)
    {
        var s = hit.Statement;
        return new SearchHitResponse(
            s.Id, s.Title, s.Lang, s.Date, s.DatePrecision, s.Source, s.Url, s.Kind, hit.Score,
            hit.Snippets.Select(snippet => new SnippetResponse(
                snippet.Text, snippet.Highlights.Select(h => new HighlightResponse(h.Start, h.Length)).ToList())).ToList(),
            hit.MatchedBy.Select(MatchKindNames.Of).ToList());
    }
}
