using System.Buffers;
using System.IO.Pipelines;
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
/// The answers are queued for a writer of their own: a client that reads the answer only after sending its whole body
/// (as most HTTP/1.1 clients do) must not stop us reading that body — both sides would wait for ever.
/// </summary>
public static class BulkUpload
{
    public const int BatchSize = 500;
    private const int MaxBatchBytes = 16 * 1024 * 1024;
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed class Batch
    {
        public List<(int Line, Statement? Statement, string? Error)> Lines { get; } = [];
        public int Statements { get; set; }
        public long Bytes { get; set; }
    }

    private sealed record Summary(int Lines, int Accepted, int Rejected, int Created, int Updated, int Unchanged);

    public static async Task Run(HttpContext context, IngestionService ingestion, IOptions<SearchApiOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mediaType = RequestBodies.MediaType(context.Request);
        if (!MediaTypes.Contains(mediaType)) throw RequestBodies.Unsupported(mediaType, MediaTypes);
        if (context.Request.ContentLength > settings.MaxBulkBodyBytes) throw RequestBodies.TooLarge(settings.MaxBulkBodyBytes);
        // Kestrel's own body limit is lifted for this endpoint; ours, on the decompressed bytes, applies instead.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;

        var reader = PipeReader.Create(RequestBodies.Limited(context.Request, settings.MaxBulkBodyBytes), new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        var response = context.Response;
        var started = false;
        var totals = new int[5];
        var batch = new Batch();
        var lineNumber = 0;
        var skipping = false;
        // Answers are small beside the lines they answer (about 80 bytes per line), so queueing them costs little.
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

        async Task Flush()
        {
            if (!started)
            {
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/x-ndjson";
                started = true;
                writing = Task.Run(WriteAnswers, cancellationToken);
            }
            var statements = batch.Lines.Where(l => l.Statement is not null).Select(l => l.Statement!).ToList();
            var results = statements.Count > 0 ? await ingestion.IngestAsync(statements, cancellationToken) : [];
            var next = 0;
            var output = new StringBuilder();
            foreach (var (line, statement, error) in batch.Lines)
            {
                BulkLineResponse answer;
                if (statement is null)
                {
                    answer = new BulkLineResponse(line, "rejected", null, null, null, error);
                    totals[1]++;
                }
                else
                {
                    var result = results[next++];
                    answer = new BulkLineResponse(line, "accepted", result.Id, DocumentWriteEndpoints.OutcomeName(result.Outcome), result.Seq, null);
                    totals[0]++;
                    totals[result.Outcome switch { WriteOutcome.Created => 2, WriteOutcome.Updated => 3, _ => 4 }]++;
                }
                output.Append(JsonSerializer.Serialize(answer, JsonOptions)).Append('\n');
            }
            answers.Writer.TryWrite(output.ToString());
            batch = new Batch();
        }

        void Add(ReadOnlySequence<byte> bytes)
        {
            lineNumber++;
            if (skipping || bytes.Length > settings.MaxBulkLineBytes)
            {
                batch.Lines.Add((lineNumber, null, $"the line is longer than {settings.MaxBulkLineBytes:N0} bytes"));
                skipping = false;
                return;
            }
            var text = Encoding.UTF8.GetString(bytes).Trim();
            if (text.Length == 0) return;
            var item = StatementFileReader.ParseJsonLine(text, "bulk", lineNumber);
            batch.Lines.Add((lineNumber, item.Statement, item.Error));
            if (item.Statement is not null) batch.Statements++;
            batch.Bytes += bytes.Length;
        }

        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    Add(buffer.Slice(0, end));
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                    if (batch.Statements >= BatchSize || batch.Bytes >= MaxBatchBytes) await Flush();
                }
                if (buffer.Length > settings.MaxBulkLineBytes)
                {
                    // Too long to hold: drop what has come of this line and refuse it when its end arrives.
                    skipping = true;
                    buffer = buffer.Slice(buffer.End);
                }
                if (read.IsCompleted)
                {
                    if (buffer.Length > 0 || skipping) Add(buffer);
                    reader.AdvanceTo(buffer.End);
                    break;
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
            await Flush();
            var summary = new Summary(lineNumber, totals[0], totals[1], totals[2], totals[3], totals[4]);
            answers.Writer.TryWrite(JsonSerializer.Serialize(new { summary }, JsonOptions) + "\n");
            answers.Writer.Complete();
            await writing!;
        }
        catch (Exception failure) when (started && ProblemExceptionHandler.Translate(failure) is { } error)
        {
            // The answer has begun: what was acknowledged stays committed; the failure ends the stream as its last line.
            answers.Writer.TryWrite(JsonSerializer.Serialize(new { error = new { code = error.Error.Code, status = error.Error.Status, detail = error.Message } }, JsonOptions) + "\n");
            answers.Writer.TryComplete();
            await writing!;
        }
        finally
        {
            answers.Writer.TryComplete();
            await reader.CompleteAsync();
        }
    }
}
