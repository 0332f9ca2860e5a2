using SearchApi.Comparison;
using SearchApi.Comparison.Corpus;
using SearchApi.Comparison.Engines;
using SearchApi.Comparison.Load;
using SearchApi.Comparison.Report;

// Our service, PostgreSQL full-text search and Sphinx on the same corpus subsets and the same query set, with the same
// concurrency, in one run; then docs/BENCHMARKS.md and its chart. See BenchOptions.Usage.
if (args.Contains("--help"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
var options = BenchOptions.Parse(args);
if (options.Generate is { } generate)
{
    var source = CorpusSubsets.Load(options.Corpus);
    var characters = MillionCorpus.Write(source, generate.Count, generate.Path);
    Console.WriteLine($"{generate.Count:N0} statements ({characters:N0} characters of text) from {source.Count:N0} real ones in {generate.Path}");
    return 0;
}
var markdown = Path.Combine(options.Repo, "docs", "BENCHMARKS.md");
var chart = Path.Combine(options.Repo, "docs", "benchmarks", "throughput-p99.png");
if (options.ReportOnly)
{
    MarkdownReport.Write(BenchResults.Load(options.Results), markdown, chart);
    return 0;
}

void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
var queries = BenchQuery.Load(Path.Combine(options.Repo, "bench", "queries.jsonl"));
Log($"reading the corpus in {options.Corpus}");
var corpus = CorpusSubsets.Load(options.Corpus);
Log($"{corpus.Count:N0} statements, {queries.Count} queries");
var work = Directory.CreateTempSubdirectory("searchapi-bench-").FullName;
var results = new BenchResults(DateTimeOffset.UtcNow, Machine.Describe(), queries.Count, options.Warmup.TotalSeconds, options.Duration.TotalSeconds, [], []);
if (options.Merge && File.Exists(options.Results))
{
    // Keep what is not measured again now.
    var kept = BenchResults.Load(options.Results);
    var engineNames = new Dictionary<string, string> { ["ours"] = "SearchApi", ["postgres"] = "PostgreSQL FTS", ["sphinx"] = "Sphinx" };
    var remeasured = options.Engines.Select(e => engineNames[e]).ToHashSet();
    var sizes = corpus.Count;
    results.Runs.AddRange(kept.Runs.Where(r => !remeasured.Contains(r.Engine) || !options.Sizes.Any(s => (s ?? sizes) == r.Statements)));
    if (!options.Engines.Contains("ours") || !options.Sizes.Contains(null)) results.Bulk.AddRange(kept.Bulk);
}
var ours = new OurService(options.Repo, work);
if (options.Engines.Contains("ours"))
{
    Log("publishing the service (Release)");
    await ours.PublishAsync();
}
// One file of request paths per kind of work, for wrk.
var paths = options.Works.ToDictionary(w => w, w => Path.Combine(work, $"paths-{WorkNames.Of(w)}.txt"));
foreach (var (kind, file) in paths) File.WriteAllLines(file, queries.Select(q => q.Path(kind)));

try
{
    foreach (var size in options.Sizes)
    {
        var statements = corpus.Take(size);
        var n = statements.Count;
        var jsonLines = Path.Combine(work, $"statements-{n}.jsonl");
        CorpusSubsets.WriteJsonLines(statements, jsonLines);

        if (options.Engines.Contains("ours"))
        {
            var data = Path.Combine(work, $"ours-{n}");
            Log($"SearchApi: ingest of {n:N0} statements through the CLI");
            var ingest = await ours.IngestCliAsync(jsonLines, data, n);
            Log($"  {ingest.Seconds:N1} s, {ingest.PerSecond:N0}/s, peak {ingest.PeakBytes / 1048576:N0} MB");
            await using var server = await ours.StartAsync(data);
            Log($"  ready {server.ReadySeconds:N2} s after start");
            await Wrk.WarmAsync(options.Repo, server.Url, paths[options.Works[^1]], options.Connections[0], options.StartWarmup);
            server.ResetPeak();
            var search = new List<LoadResult>();
            foreach (var kind in options.Works)
                foreach (var connections in options.Connections)
                {
                    search.Add(await Wrk.RunAsync(options.Repo, server.Url, paths[kind], connections, options.Warmup, options.Duration, kind));
                    Log($"  {WorkNames.Of(kind)}, {connections} connections: {search[^1].Throughput:N0} req/s, p50 {search[^1].P50Ms:N1} ms, p99 {search[^1].P99Ms:N1} ms, {search[^1].Errors} errors");
                }
            var facets = await OurService.FacetsAsync(server.Url, 200);
            Log($"  facets over all statements: p50 {facets.P50Ms:N1} ms");
            results.Runs.Add(new EngineRun("SearchApi", n, ingest, search, facets, server.PeakBytes, server.ReadySeconds));
            results.Save(options.Results);
            if (size is null)
            {
                Log("SearchApi: the same statements through the bulk endpoint");
                await server.DisposeAsync();
                var bulk = await ours.IngestBulkAsync(jsonLines, Path.Combine(work, "ours-bulk"), n);
                Log($"  {bulk.Seconds:N1} s, {bulk.PerSecond:N0}/s");
                results.Bulk.Add(bulk);
            }
        }

        var peers = new (string Option, Func<IPeerEngine> Create)[]
        {
            ("postgres", () => new PostgresFts()),
            ("sphinx", () => new SphinxSearch(Path.Combine(work, $"sphinx-{n}"))),
        };
        foreach (var (option, create) in peers.Where(p => options.Engines.Contains(p.Option)))
        {
            await using var peer = create();
            Log($"{peer.Name}: load and index {n:N0} statements");
            var ingest = await peer.LoadAsync(statements);
            Log($"  {ingest.Seconds:N1} s");
            await LoadDriver.RunAsync(options.Connections[0], queries.Count, TimeSpan.Zero, options.StartWarmup, options.Works[^1], () => peer.ConnectAsync(queries, options.Works[^1]));
            var search = new List<LoadResult>();
            foreach (var kind in options.Works)
                foreach (var connections in options.Connections)
                {
                    search.Add(await LoadDriver.RunAsync(connections, queries.Count, options.Warmup, options.Duration, kind, () => peer.ConnectAsync(queries, kind)));
                    Log($"  {WorkNames.Of(kind)}, {connections} connections: {search[^1].Throughput:N1} req/s, p50 {search[^1].P50Ms:N1} ms, p99 {search[^1].P99Ms:N1} ms, {search[^1].Errors} errors");
                }
            var facets = await peer.FacetsAsync(peer.FacetRepeats);
            results.Runs.Add(new EngineRun(peer.Name, n, ingest, search, facets, peer.ResidentBytes(), null));
            results.Save(options.Results);
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}
results.Save(options.Results);
MarkdownReport.Write(results, markdown, chart);
Log($"results in {options.Results}, tables in {markdown}");
return 0;
