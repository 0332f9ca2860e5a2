using System.Threading.Channels;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Options;

namespace SearchApi.Operations;

/// <summary>
/// Runs the operator commands on the same configuration and components as the service: ingest through the one write
/// path (<see cref="IngestionService"/>), export through a read session, requests checked by the rules of the HTTP API.
/// </summary>
public static class OperatorCommands
{
    private const int BatchSize = 1_000;
    // Statements written to the store between index catch-ups: a bulk load leaves the index behind for a while and
    // catches it up in larger steps (each makes small segments that must be merged later).
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
                "snapshot" => Snapshot(command, services),
                _ => await ExportAsync(command, services),
            };
        }
        catch (Exception e) when (e is InvalidRequestException or FileNotFoundException or DirectoryNotFoundException or QuerySyntaxException or QueryLimitException)
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
        var (ingestion, holdsIndex) = Ingestion(services);
        var progress = new ProgressDisplay("statements", files.Sum(f => new FileInfo(f).Length));
        var outcomes = new Dictionary<WriteOutcome, long>();
        var errors = new List<string>();
        var unindexed = 0;
        // Files are read and parsed on one core while the batches before are linked, stored and indexed on the others.
        var batches = Channel.CreateBounded<(List<Statement> Batch, long Rejected, long BytesDone)>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                long bytesBefore = 0;
                foreach (var file in files)
                {
                    var batch = new List<Statement>(BatchSize);
                    var rejected = 0L;
                    var fileStart = bytesBefore;
                    var bytesRead = 0L;
                    await foreach (var item in reader.ReadFileAsync(file, new Progress<long>(bytes => Volatile.Write(ref bytesRead, bytes))))
                    {
                        if (item.Statement is { } statement) batch.Add(statement);
                        else
                        {
                            rejected++;
                            if (errors.Count < 20) errors.Add($"{item.Origin}{(item.Line is { } line ? ":" + line : "")}: {item.Error}");
                        }
                        if (batch.Count < BatchSize) continue;
                        await batches.Writer.WriteAsync((batch, rejected, fileStart + Volatile.Read(ref bytesRead)));
                        batch = new List<Statement>(BatchSize);
                        rejected = 0;
                    }
                    bytesBefore += new FileInfo(file).Length;
                    await batches.Writer.WriteAsync((batch, rejected, bytesBefore));
                }
            }
            finally
            {
                // What was read is written; a reading error is thrown where the reading is awaited, as it was raised.
                batches.Writer.Complete();
            }
        });
        await progress.RunAsync(async () =>
        {
            await foreach (var (batch, rejected, bytesDone) in batches.Reader.ReadAllAsync())
            {
                if (batch.Count > 0)
                {
                    unindexed += batch.Count;
                    var catchUp = unindexed >= IndexEvery;
                    foreach (var result in await ingestion.IngestAsync(batch, catchUp)) outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                    if (catchUp) unindexed = 0;
                }
                progress.Done = bytesDone;
                progress.Add(batch.Count, rejected);
            }
            await reading;
            // The index takes the rest, commits, and is merged into one segment: the service then looks each term up once.
            await ingestion.FinishBulkLoadAsync();
        });
        progress.Finish();
        Console.Error.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value:N0} {WriteOutcomes.Name(o.Key)}")) + $", {progress.Rejected:N0} rejected");
        foreach (var error in errors) Console.Error.WriteLine("  rejected " + error);
        if (!holdsIndex) Console.Error.WriteLine("The service is running and holds the index: it indexes these statements within a second.");
        return 0;
    }

    /// <summary>
    /// The write path for a command: the service's own (this process holds the index), or, when a running service
    /// holds it, the same path writing only the store, which the service follows.
    /// </summary>
    private static (IngestionService Ingestion, bool HoldsIndex) Ingestion(IServiceProvider services)
    {
        try
        {
            return (services.GetRequiredService<IngestionService>(), true);
        }
        catch (LockObtainFailedException)
        {
            return (new IngestionService(services.GetRequiredService<StatementWriter>(), IIndexFollower.StoreOnly,
                services.GetRequiredService<ILogger<IngestionService>>()), false);
        }
    }

    /// <summary>Copies the last commit of the index in service, whether or not a service holds it, for a new replica.</summary>
    private static int Snapshot(OperatorCommand command, IServiceProvider services)
    {
        if (command.Positional.Count != 1)
        {
            Console.Error.WriteLine(OperatorCommand.Usage);
            return 2;
        }
        var root = services.GetRequiredService<IOptions<SearchApiOptions>>().Value.IndexPath;
        var current = IndexCatalog.CurrentFolderOf(root) ?? throw new DirectoryNotFoundException($"There is no index in {root}.");
        var target = Path.GetFullPath(command.Positional[0]);
        if (System.IO.Directory.Exists(target) && System.IO.Directory.EnumerateFileSystemEntries(target).Any())
            throw new InvalidRequestException(RequestProblem.InvalidParameter, $"{target} is not empty.");
        var files = IndexSnapshots.CopyLastCommit(current, target);
        Console.WriteLine($"{files} index files copied to {target}; start a new replica with --SearchApi:IndexSnapshotFrom={target}");
        return 0;
    }

    private static async Task<int> ReindexAsync(IServiceProvider services)
    {
        IndexSynchronizer synchronizer;
        try
        {
            synchronizer = services.GetRequiredService<IndexSynchronizer>();
        }
        catch (LockObtainFailedException)
        {
            Console.Error.WriteLine("The service is running and holds the index: rebuild it with POST /api/v1/admin/reindex.");
            return 3;
        }
        var last = (await services.GetRequiredService<IStatementStore>().GetStateAsync()).LastSeq;
        var progress = new ProgressDisplay("changes", last);
        RebuildResult? result = null;
        await progress.RunAsync(async () => result = await synchronizer.RebuildAsync(new Progress<long>(seq =>
        {
            progress.Done = seq;
            progress.Add(seq - progress.Count, 0);
        })));
        progress.Finish();
        Console.Error.WriteLine($"index rebuilt: {result!.Documents:N0} statements up to sequence {result.Seq:N0}");
        return 0;
    }

    private static async Task<int> ExportAsync(OperatorCommand command, IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<SearchApiOptions>>().Value;
        var request = ReadRequests.Query(new QueryInput(
            command.Option("q"), Strict: null, command.Values("lang"), command.Values("source"), command.Values("kind"),
            command.Values("person"), command.Values("organization"), command.Values("place"), command.Option("from"), command.Option("to"),
            command.Option("cross-language") is { } cross ? cross != "false" : null));
        var options = new ExportOptions(
            ReadRequests.Sort(command.Option("sort"), request.Query.Length > 0), ReadRequests.Format(command.Option("format")), command.Option("include-text") == "true");
        // Read-only: an export runs beside a running service without taking the index's write lock.
        using var catalog = IndexCatalog.OpenReadOnly(settings.IndexPath, () => StatementAnalyzer.Create());
        var sessions = new ReadSessions(catalog, services.GetRequiredService<QueryBuilder>(), services.GetRequiredService<FacetLabels>());
        using var session = sessions.Open(request);
        await using var output = command.Option("out") is { } path ? File.Create(path) : Console.OpenStandardOutput();
        var manifest = await session.ExportAsync(options, output);
        Console.Error.WriteLine($"exported {manifest.Count:N0} statements, sha256 {manifest.Sha256}");
        // A CSV holds only the table: its manifest goes beside it.
        if (options.Format == ExportFormat.Csv && command.Option("out") is { } file)
            await File.WriteAllTextAsync(file + ".manifest.json", ExportRows.ManifestJson(manifest) + "\n");
        return 0;
    }
}
