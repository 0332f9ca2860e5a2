using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Errors;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/documents/{id}: a whole statement from the store.</summary>
public static class DocumentEndpoints
{
    public static RouteGroupBuilder MapDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Documents");
        group.MapGet("/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("Get a whole statement")
            .WithDescription(
                "Returns the statement with this id (the id of a search hit): metadata, the whole text and its paragraphs, " +
                "and the people, organisations and places it names. " +
                "The response carries an ETag; send it back in If-None-Match to get 304 Not Modified when nothing changed.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/similar", Similar)
            .WithName("SimilarDocuments")
            .WithSummary("Find statements like this one")
            .WithDescription(
                "Statements like the one with this id: in its language by wording (more like this), and in both languages " +
                "by the people, organisations and places it names. Each hit says which entities it shares and whether its " +
                "wording is similar.")
            .AddEndpointFilter<ReadyIndexFilter>()
            .ProducesReadProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/marks", Marks)
            .WithName("DocumentMarks")
            .WithSummary("Where a query's words are in a whole statement")
            .WithDescription(
                "Every place the words of q are in the statement's title and text — as written, in another form, as a " +
                "name in another script or in translation, as the search marks them in snippets — as {start, length} " +
                "offsets into the title and into text (the paragraphs joined by two line breaks, as GET " +
                "/api/v1/documents/{id} gives it), for showing the whole statement with the words marked.")
            .AddEndpointFilter<ReadyIndexFilter>()
            .ProducesReadProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <param name="id" example="ff633baefe86d7f1">The statement's id, as given in search hits.</param>
    private static Ok<DocumentMarksResponse> Marks(string id, [AsParameters] MarksParameters parameters, ReadSessions sessions)
    {
        ReadRequests.Id(id);
        var request = ReadRequests.Query(new QueryInput(parameters.Q, CrossLanguage: parameters.CrossLanguage));
        using var session = sessions.Open(request);
        var marks = session.Marks(id) ?? throw new ApiException(ApiErrors.DocumentNotFound, $"No statement has the id '{id}'.");
        static List<HighlightResponse> Of(IEnumerable<Highlight> list) => [.. list.Select(h => new HighlightResponse(h.Start, h.Length))];
        return TypedResults.Ok(new DocumentMarksResponse(id, Of(marks.Title), Of(marks.Snippets[0].Highlights)));
    }

    /// <param name="id" example="ff633baefe86d7f1">The statement's id, as given in search hits.</param>
    private static Results<Ok<SimilarResponse>, StatusCodeHttpResult> Similar(
        string id, [AsParameters] SimilarParameters parameters, ReadSessions sessions, HttpContext http)
    {
        ReadRequests.Id(id);
        var (limit, lang) = (ReadRequests.SimilarLimit(parameters.Limit), ReadRequests.Lang(parameters.Lang));
        using var session = sessions.Open(QueryRequest.Everything);
        if (IndexETags.NotModified(http, session)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var hits = session.Similar(id, limit, lang) ?? throw new ApiException(ApiErrors.DocumentNotFound, $"No statement has the id '{id}'.");
        return TypedResults.Ok(new SimilarResponse(id, hits.Select(h => new SimilarHitResponse(
            h.Statement.Id, h.Statement.Title, h.Statement.Lang, h.Statement.Date, h.Statement.Source, h.Statement.Url, h.Statement.Kind,
            h.Score, h.SharedEntities, h.SimilarText)).ToList()));
    }

    /// <param name="id" example="1dcdbe5c83ebf706">The statement's id, as given in search hits.</param>
    private static async Task<Results<Ok<DocumentResponse>, StatusCodeHttpResult>> GetDocument(
        string id, HttpContext context, IStatementStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(ReadRequests.Id(id), cancellationToken);
        if (stored?.Statement is not { } s) throw new ApiException(ApiErrors.DocumentNotFound, $"No statement has the id '{id}'.");

        var etag = EntityTags.For(stored.ContentHash);
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "no-cache";
        if (EntityTags.Matches(context.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(ToResponse(s, stored));
    }

    public static DocumentResponse ToResponse(Statement s, StoredStatement stored) => new(
        s.Id, s.Lang, s.Title, s.Date, s.DatePrecision, s.Source, s.Url, s.Kind, s.Author, s.Text, s.Paragraphs,
        s.Entities.Select(e => new EntityResponse(
            e.Id, e.Type, e.Labels.For(s.Lang), new LabelsResponse(e.Labels.En, e.Labels.Ru),
            e.Mentions.Select(m => new MentionResponse(m.Field, m.Start, m.Length)).ToList())).ToList(),
        stored.Seq, stored.UpdatedAt, s.Dateline);
}
