using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SearchApi.Contracts;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Errors;
using SearchApi.Options;

namespace SearchApi.Endpoints;

/// <summary>
/// POST /api/v1/documents/bulk: reads JSON Lines as they arrive, commits them in batches, and answers each line in
/// order as soon as its batch is committed (or the line is refused), so an acknowledged line is durable in the store.
/// The answer always ends with one last line: the summary, or the error that stopped the upload (lines answered before
/// it stay committed). The work one upload can cause is bounded: at most <see cref="MaxLines"/> lines and
/// <see cref="MaxRejectedLines"/> refused ones. The answers are queued for a writer of their own: a client that reads
/// the answer only after sending its whole body (as most HTTP/1.1 clients do) must not stop us reading that body.
/// </summary>
public static class BulkUpload
{
    public const int BatchSize = 500;

    /// <summary>Most lines one upload may hold; split larger loads.</summary>
    public const int MaxLines = 1_000_000;

    /// <summary>Refused lines after which an upload is stopped: a stream of garbage costs no more than this.</summary>
    public const int MaxRejectedLines = 1_000;

    private const int MaxBatchBytes = 16 * 1024 * 1024;
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed class Batch
    {
        public List<ParsedItem> Lines { get; } = [];
        public int Statements { get; set; }
        public long Bytes { get; set; }
    }

    private sealed class Totals
    {
        public int Lines { get; set; }
        public int Accepted { get; set; }
        public int Rejected { get; set; }
        public Dictionary<WriteOutcome, int> Outcomes { get; } = [];
    }

    private sealed record Summary(int Lines, int Accepted, int Rejected, int Created, int Updated, int Unchanged);

    public static async Task Run(HttpContext context, IngestionService ingestion, IOptions<SearchApiOptions> options, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mediaType = RequestBodies.MediaType(context.Request);
        if (!MediaTypes.Contains(mediaType)) throw RequestBodies.Unsupported(mediaType, MediaTypes);
        if (context.Request.ContentLength > settings.MaxBulkBodyBytes) throw RequestBodies.TooLarge(settings.MaxBulkBodyBytes);
        // Kestrel's own body limit is lifted for this endpoint; ours, on the decompressed bytes, applies instead.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        // A client may read the answer only after sending its whole body: until then our answer waits in its socket,
        // and Kestrel's minimum response rate would cut the connection under load. The answer is bounded by MaxLines.
        if (context.Features.Get<Microsoft.AspNetCore.Server.Kestrel.Core.Features.IHttpMinResponseDataRateFeature>() is { } rate)
            rate.MinDataRate = null;
        await using var body = RequestBodies.Limited(context.Request, settings.MaxBulkBodyBytes);

        var response = context.Response;
        var totals = new Totals();
        var batch = new Batch();
        // Answers are small beside the lines they answer (about 80 bytes per line), and MaxLines bounds them.
        var answers = System.Threading.Channels.Channel.CreateUnbounded<string>(new() { SingleReader = true, SingleWriter = true });
        Task? writing = null;

        async Task WriteAnswers()
        {
            await foreach (var text in answers.Reader.ReadAllAsync(cancellationToken))
            {
                await response.WriteAsync(text, cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }

        void Start()
        {
            if (writing is not null) return;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/x-ndjson";
            writing = Task.Run(WriteAnswers, cancellationToken);
        }

        async Task Flush()
        {
            var statements = batch.Lines.Where(l => l.Statement is not null).Select(l => l.Statement!).ToList();
            var results = statements.Count > 0 ? await ingestion.IngestAsync(statements, cancellationToken) : [];
            // The answer begins once something is committed: a refusal before that is a plain problem document.
            Start();
            answers.Writer.TryWrite(Answer(batch, results, totals));
            batch = new Batch();
        }

        try
        {
            await foreach (var line in JsonLines.ReadAsync(body, settings.MaxBulkLineBytes, cancellationToken))
            {
                if (line.Number > MaxLines)
                    throw new ApiException(ApiErrors.TooManyLines, $"An upload may hold at most {MaxLines:N0} lines; the lines before line {line.Number} were answered. Send the rest in another upload.");
                var item = StatementRecords.ParseLine(line, "bulk", settings.MaxBulkLineBytes);
                batch.Lines.Add(item);
                totals.Lines = line.Number;
                if (item.Statement is not null) batch.Statements++;
                else if (++totals.Rejected > MaxRejectedLines)
                {
                    await Flush();
                    throw new ApiException(ApiErrors.TooManyRejectedLines,
                        $"More than {MaxRejectedLines:N0} lines of this upload could not be read; it was stopped at line {line.Number}. Fix the input and send the rest again.");
                }
                batch.Bytes += line.Bytes?.Length ?? 0;
                if (batch.Statements >= BatchSize || batch.Bytes >= MaxBatchBytes) await Flush();
            }
            await Flush();
            answers.Writer.TryWrite(JsonSerializer.Serialize(new { summary = Summarise(totals) }, JsonOptions) + "\n");
        }
        catch (Exception failure) when (writing is not null && !cancellationToken.IsCancellationRequested)
        {
            // The answer has begun: what was acknowledged stays committed; the failure ends the stream as its last line.
            var error = ProblemExceptionHandler.Translate(failure);
            if (error is null || error.Error == ApiErrors.StoreFailed)
                logs.CreateLogger(typeof(BulkUpload)).LogError(failure, "A bulk upload failed after {Lines} lines", totals.Lines);
            var (code, status, detail) = error is null
                ? (ApiErrors.Internal.Code, ApiErrors.Internal.Status, "The upload failed unexpectedly; the lines answered before this one are committed.")
                : (error.Error.Code, error.Error.Status, error.Message);
            answers.Writer.TryWrite(JsonSerializer.Serialize(new { error = new { code, status, detail }, summary = Summarise(totals) }, JsonOptions) + "\n");
        }
        finally
        {
            answers.Writer.TryComplete();
            if (writing is not null) await writing;
        }
    }

    private static string Answer(Batch batch, IReadOnlyList<WriteResult> results, Totals totals)
    {
        var next = 0;
        var output = new StringBuilder();
        foreach (var item in batch.Lines)
        {
            BulkLineResponse answer;
            if (item.Statement is null)
                answer = new BulkLineResponse(item.Line ?? 0, "rejected", null, null, null, item.Error, ProblemCode(item.Problem));
            else
            {
                var result = results[next++];
                answer = new BulkLineResponse(item.Line ?? 0, "accepted", result.Id, WriteOutcomes.Name(result.Outcome), result.Seq, null, null);
                totals.Accepted++;
                totals.Outcomes[result.Outcome] = totals.Outcomes.GetValueOrDefault(result.Outcome) + 1;
            }
            output.Append(JsonSerializer.Serialize(answer, JsonOptions)).Append('\n');
        }
        return output.ToString();
    }

    private static Summary Summarise(Totals totals) => new(
        totals.Lines, totals.Accepted, totals.Rejected, totals.Outcomes.GetValueOrDefault(WriteOutcome.Created),
        totals.Outcomes.GetValueOrDefault(WriteOutcome.Updated), totals.Outcomes.GetValueOrDefault(WriteOutcome.Unchanged));

    /// <summary>A refused line's code: the same codes a single write would answer with.</summary>
    public static string ProblemCode(LineProblem? problem) => problem switch
    {
        LineProblem.TooLong => "line_too_long",
        LineProblem.InvalidText => ApiErrors.InvalidText.Code,
        LineProblem.InvalidJson => ApiErrors.InvalidJson.Code,
        _ => ApiErrors.InvalidStatement.Code,
    };
}
