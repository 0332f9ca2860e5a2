using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchApi.Contracts;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Errors;
using SearchApi.Options;
using SearchApi.Security;

namespace SearchApi.Endpoints;

/// <summary>POST, PUT and DELETE on /api/v1/documents, and bulk uploads: the write path over HTTP, behind an API key.</summary>
public static class DocumentWriteEndpoints
{
    private const string Json = "application/json";
    private const string Text = "text/plain";

    public static RouteGroupBuilder MapDocumentWrites(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Documents").AddEndpointFilter<ApiKeyFilter>().AddEndpointFilter<AuditFilter>().AddEndpointFilter<ReadyIndexFilter>();
        group.MapPost("", Create)
            .WithName("CreateDocument")
            .WithSummary("Add or replace a statement (API key)")
            .WithDescription(
                "Adds a statement sent as JSON ({lang, title, date, source, url, kind, author, text, optional id}; only text " +
                "is required, the rest is derived as for the seeds) or as raw text (text/plain, parsed like the seed files: " +
                "one text may hold several stories). An existing id is replaced; identical content changes nothing. The " +
                "answer comes once the store has committed the write; the statement is searchable right after. Needs " +
                "the X-Api-Key header.")
            .Accepts<StatementRecord>(Json, Text)
            .Produces<WriteResponse>(StatusCodes.Status201Created)
            .Produces<WriteResponse>()
            .ProducesWriteProblems();
        group.MapPut("/{id}", Replace)
            .WithName("ReplaceDocument")
            .WithSummary("Create or replace the statement with this id (API key)")
            .WithDescription("Writes the statement sent as JSON under the id in the path (an id in the body must be the same). 201 when it is new, 200 otherwise. Needs the X-Api-Key header.")
            .Accepts<StatementRecord>(Json)
            .Produces<WriteResponse>(StatusCodes.Status201Created)
            .Produces<WriteResponse>()
            .ProducesWriteProblems();
        group.MapDelete("/{id}", Delete)
            .WithName("DeleteDocument")
            .WithSummary("Delete a statement (API key)")
            .WithDescription("Deletes the statement; the feed reports it as a tombstone. 204 when deleted, 404 when no statement has the id. Needs the X-Api-Key header.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesKeyProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapPost("/bulk", BulkUpload.Run)
            .WithName("BulkUpload")
            .WithSummary("Upload many statements as JSON Lines (API key)")
            .WithDescription(
                "Streams statements in, one JSON object per line in the format of the corpora ({id, lang, title, date, " +
                "source, url, text}); the body may be gzip-compressed (Content-Encoding: gzip) and is never held in memory. " +
                "The answer streams back one line per input line, in order, once that line is committed to the store " +
                "(accepted) or refused (rejected, with the reason); a bad line does not stop the upload. Duplicate ids " +
                "update. The last line is a summary. Needs the X-Api-Key header.")
            .Accepts<StatementRecord>("application/x-ndjson", "application/jsonl")
            .Produces<BulkLineResponse>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesWriteProblems();
        return group;
    }

    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>>> Create(
        HttpRequest request, IngestionService ingestion, StatementParser parser, IOptions<SearchApiOptions> options, CancellationToken cancellationToken)
    {
        var mediaType = RequestBodies.MediaType(request);
        IReadOnlyList<Statement> statements = mediaType switch
        {
            Json => [Valid(RecordParser.Parse(await ReadRecord(request, options.Value, cancellationToken)))],
            Text => Parsed(parser.ParseText(await RequestBodies.ReadTextAsync(request, options.Value.MaxBodyBytes, cancellationToken))),
            _ => throw RequestBodies.Unsupported(mediaType, Json, Text),
        };
        return Answer(await ingestion.IngestAsync(statements, cancellationToken));
    }

    /// <param name="id" example="mfa_briefing_2025_12_19">The id to write under.</param>
    private static async Task<Results<Created<WriteResponse>, Ok<WriteResponse>>> Replace(
        string id, HttpRequest request, IngestionService ingestion, IOptions<SearchApiOptions> options, CancellationToken cancellationToken)
    {
        ReadRequests.Id(id);
        var mediaType = RequestBodies.MediaType(request);
        if (mediaType != Json) throw RequestBodies.Unsupported(mediaType, Json);
        var record = await ReadRecord(request, options.Value, cancellationToken);
        if (record.Id is not null && record.Id != id)
            throw new ApiException(ApiErrors.InvalidStatement, $"The body's id '{record.Id}' is not the id in the path '{id}'.");
        return Answer(await ingestion.IngestAsync([Valid(RecordParser.Parse(record with { Id = id }))], cancellationToken));
    }

    /// <param name="id" example="mfa_briefing_2025_12_19">The statement's id.</param>
    private static async Task<NoContent> Delete(string id, IngestionService ingestion, CancellationToken cancellationToken)
    {
        var result = await ingestion.DeleteAsync(ReadRequests.Id(id), cancellationToken);
        if (result.Outcome == WriteOutcome.NotFound) throw new ApiException(ApiErrors.DocumentNotFound, $"No statement has the id '{id}'.");
        return TypedResults.NoContent();
    }

    private static async Task<StatementRecord> ReadRecord(HttpRequest request, SearchApiOptions options, CancellationToken cancellationToken)
    {
        var read = StatementRecords.Read(await RequestBodies.ReadBytesAsync(request, options.MaxBodyBytes, cancellationToken), "the body");
        return read.Record ?? throw new ApiException(read.InvalidText ? ApiErrors.InvalidText : ApiErrors.InvalidJson, read.Error!);
    }

    private static Statement Valid(RecordParseResult result) =>
        result.Statement ?? throw new ApiException(ApiErrors.InvalidStatement, result.Error!);

    private static IReadOnlyList<Statement> Parsed(IReadOnlyList<Statement> statements) =>
        statements.Count > 0 ? statements : throw new ApiException(ApiErrors.InvalidStatement, "The text holds no statement (it is empty or page furniture only).");

    private static Results<Created<WriteResponse>, Ok<WriteResponse>> Answer(IReadOnlyList<WriteResult> results)
    {
        var response = new WriteResponse(results.Select(r => new WriteResultResponse(r.Id, WriteOutcomes.Name(r.Outcome), r.Seq, $"/api/v1/documents/{r.Id}")).ToList());
        return results.Any(r => r.Outcome == WriteOutcome.Created)
            ? TypedResults.Created(response.Results[0].Location, response)
            : TypedResults.Ok(response);
    }
}
