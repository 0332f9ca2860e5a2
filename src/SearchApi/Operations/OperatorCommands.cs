using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Endpoints;
using SearchApi.Errors;
using SearchApi.Options;

namespace SearchApi.Operations;

/// <summary>Runs the operator commands on the same configuration and components as the service.</summary>
public static class OperatorCommands
{
    private const int BatchSize = 1_000;
    // Statements written to the store between index catch-ups: each catch-up commits the index, and a commit per batch
    // made the CLI spend a fifth of its time flushing and merging small segments.
    private const int IndexEvery = 20_000;

    public static async Task<int> RunAsync(OperatorCommand command, IServiceProvider services)
    {
        try
        {
            var store = services.GetRequiredService<IStatementStore>();
            await store.MigrateAsync();
            return command.Verb switch
            {
                "ingest" => await IngestAsync(command, services),
                "reindex" => await ReindexAsync(services),
                _ => await ExportAsync(command, services),
            };
        }
        catch (Exception e) when (e is ApiException or FileNotFoundException or DirectoryNotFoundException or QuerySyntaxException or QueryLimitException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    private static async Task<int> IngestAsync(OperatorCommand command, IServiceProvider services)
    {
        if (command.Positional.Count == 0)
        {
            Console.Error.WriteLine(OperatorCommand.Usage);
            return 2;
        }
        var files = command.Positional.SelectMany(StatementFileReader.FilesIn).ToList();
        var reader = services.GetRequiredService<StatementFileReader>();
        var writer = services.GetRequiredService<StatementWriter>();
        var synchronizer = TryIndex(services);
        var progress = new ProgressDisplay("statements", files.Sum(f => new FileInfo(f).Length));
        var outcomes = new Dictionary<WriteOutcome, long>();
        var errors = new List<string>();
        long bytesBefore = 0;
        var unindexed = 0;
        foreach (var file in files)
        {
            var batch = new List<Statement>(BatchSize);
            var rejected = 0L;
            var fileStart = bytesBefore;
            await foreach (var item in reader.ReadFileAsync(file, new Progress<long>(bytes => progress.BytesDone = fileStart + bytes)))
            {
                if (item.Statement is { } statement) batch.Add(statement);
                else
                {
                    rejected++;
                    if (errors.Count < 20) errors.Add($"{item.Origin}{(item.Line is { } line ? ":" + line : "")}: {item.Error}");
                }
                if (batch.Count < BatchSize) continue;
                unindexed = await WriteBatch(batch, writer, synchronizer, outcomes, unindexed);
                progress.Add(batch.Count, rejected);
                batch.Clear();
                rejected = 0;
            }
            unindexed = await WriteBatch(batch, writer, synchronizer, outcomes, unindexed);
            progress.Add(batch.Count, rejected);
            bytesBefore += new FileInfo(file).Length;
            progress.BytesDone = bytesBefore;
        }
        if (synchronizer is not null) await synchronizer.CatchUpAsync();
        // One segment: the service then looks each query term up once.
        synchronizer?.MergeNow();
        progress.Finish();
        Console.Error.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value:N0} {o.Key.ToString().ToLowerInvariant()}")) + $", {progress.Rejected:N0} rejected");
        foreach (var error in errors) Console.Error.WriteLine("  rejected " + error);
        if (synchronizer is null) Console.Error.WriteLine("The service is running and holds the index: it indexes these statements within a second.");
        return 0;
    }

    /// <returns>The statements written since the index last caught up.</returns>
    private static async Task<int> WriteBatch(
        List<Statement> batch, StatementWriter writer, IndexSynchronizer? synchronizer, Dictionary<WriteOutcome, long> outcomes, int unindexed)
    {
        if (batch.Count == 0) return unindexed;
        foreach (var result in await writer.WriteAsync(batch)) outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
        unindexed += batch.Count;
        if (synchronizer is null || unindexed < IndexEvery) return unindexed;
        await synchronizer.CatchUpAsync();
        return 0;
    }

    private static async Task<int> ReindexAsync(IServiceProvider services)
    {
        if (TryIndex(services) is not { } synchronizer)
        {
            Console.Error.WriteLine("The service is running and holds the index: rebuild it with POST /api/v1/admin/reindex.");
            return 3;
        }
        var last = (await services.GetRequiredService<IStatementStore>().GetStateAsync()).LastSeq;
        var progress = new ProgressDisplay("changes", last);
        var result = await synchronizer.RebuildAsync(new Progress<long>(seq =>
        {
            progress.BytesDone = seq;
            progress.Add(seq - progress.Count, 0);
        }));
        progress.Finish();
        Console.Error.WriteLine($"index rebuilt: {result.Documents:N0} statements up to sequence {result.Seq:N0}");
        return 0;
    }

    private static async Task<int> ExportAsync(OperatorCommand command, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<SearchApiOptions>>().Value;
        var parameters = new Contracts.QueryParameters
        {
            Q = command.Option("q"),
            Lang = [.. command.Values("lang")],
            Source = [.. command.Values("source")],
            Kind = [.. command.Values("kind")],
            Person = [.. command.Values("person")],
            Organization = [.. command.Values("organization")],
            Place = [.. command.Values("place")],
            From = command.Option("from"),
            To = command.Option("to"),
        };
        var query = RequestParsing.Query(parameters);
        var format = command.Option("format") switch
        {
            null or "ndjson" => ExportFormat.Ndjson,
            "csv" => ExportFormat.Csv,
            var other => throw new ApiException(ApiErrors.InvalidParameter, $"--format {other} is not ndjson or csv."),
        };
        var request = new ExportRequest(query, RequestParsing.Filters(parameters), RequestParsing.Sort(command.Option("sort"), query.Length > 0), format, command.Option("include-text") == "true");
        // Read-only: an export runs beside a running service without taking the index's write lock.
        using var catalog = IndexCatalog.OpenReadOnly(settings.IndexPath, () => StatementAnalyzer.Create());
        var exporter = new Exporter(catalog, services.GetRequiredService<QueryBuilder>(), TimeProvider.System);
        await using var output = command.Option("out") is { } path ? File.Create(path) : Console.OpenStandardOutput();
        var manifest = await exporter.WriteAsync(request, output);
        Console.Error.WriteLine($"exported {manifest.Count:N0} statements, sha256 {manifest.Sha256}");
        return 0;
    }

    /// <summary>The index synchronizer, or null when a running service holds the index's write lock.</summary>
    private static IndexSynchronizer? TryIndex(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<IndexSynchronizer>();
        }
        catch (LockObtainFailedException)
        {
            return null;
        }
    }
}
