using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using SearchApi.Comparison.Load;

namespace SearchApi.Comparison.Engines;

/// <summary>
/// Our service as it is deployed: published in Release and run as published (its garbage-collector settings are the
/// project's own runtime configuration), loaded through the CLI's ingest (and, on the whole corpus, through the bulk endpoint too).
/// </summary>
public sealed class OurService(string repo, string work)
{
    private const string ApiKey = "bench-key-0123456789abcdef";

    public string App { get; } = Path.Combine(work, "app");

    public async Task PublishAsync() =>
        await ProcessTools.RunAsync(ProcessTools.Info("dotnet", ["publish", Path.Combine(repo, "src", "SearchApi", "SearchApi.csproj"), "-c", "Release", "-o", App, "--nologo", "-v", "quiet"]));

    private string[] Settings(string data) =>
        [$"--SearchApi:DataDirectory={data}", "--SearchApi:SeedsPath=none", "--SearchApi:RateLimit:AnonymousPerSecond=0", "--SearchApi:RateLimit:KeyedPerSecond=0", $"--SearchApi:ApiKeys:0={ApiKey}"];

    /// <summary>The operator's ingest: store, entities and index, merged at the end, into a new data folder.</summary>
    public async Task<IngestResult> IngestCliAsync(string jsonLines, string data, int statements)
    {
        var (_, took, peak) = await ProcessTools.RunAsync(ProcessTools.Info(
            "dotnet", [Path.Combine(App, "SearchApi.dll"), "ingest", jsonLines, .. Settings(data)], directory: App));
        return new IngestResult("cli", statements, took.TotalSeconds, peak, ProcessTools.FolderBytes(Path.Combine(data, "index")), new FileInfo(Path.Combine(data, "statements.db")).Length);
    }

    /// <summary>The same statements pushed through POST /api/v1/documents/bulk into an empty running service.</summary>
    public async Task<IngestResult> IngestBulkAsync(string jsonLines, string data, int statements)
    {
        await using var server = await StartAsync(data);
        using var client = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromHours(1) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var watch = Stopwatch.StartNew();
        await using var body = File.OpenRead(jsonLines);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await client.PostAsync("/api/v1/documents/bulk", content);
        var answer = await response.Content.ReadAsStringAsync();
        if (!answer.Contains($"\"accepted\":{statements}", StringComparison.Ordinal))
            throw new InvalidOperationException("The bulk upload did not accept every statement: " + answer[^Math.Min(answer.Length, 500)..]);
        var took = watch.Elapsed;
        return new IngestResult("bulk", statements, took.TotalSeconds, server.PeakBytes, ProcessTools.FolderBytes(Path.Combine(data, "index")), new FileInfo(Path.Combine(data, "statements.db")).Length);
    }

    public Task<Server> StartAsync(string data) => Server.StartAsync(App, Settings(data));

    /// <summary>A running service; measures the time from start to ready and the memory it holds.</summary>
    public sealed class Server : IAsyncDisposable
    {
        private readonly Process _process;
        private long _peakBytes;
        private readonly CancellationTokenSource _sampling = new();
        private bool _stopped;

        private Server(Process process, string url)
        {
            _process = process;
            Url = url;
            _ = Task.Run(async () =>
            {
                while (!_sampling.IsCancellationRequested)
                {
                    _peakBytes = Math.Max(_peakBytes, ProcessTools.Memory(_process.Id, "VmRSS"));
                    await Task.Delay(200);
                }
            });
        }

        public string Url { get; }

        public double ReadySeconds { get; private set; }

        /// <summary>The highest resident memory seen since <see cref="ResetPeak"/>.</summary>
        public long PeakBytes => Math.Max(_peakBytes, ProcessTools.Memory(_process.Id, "VmRSS"));

        public void ResetPeak() => _peakBytes = 0;

        public static async Task<Server> StartAsync(string app, string[] settings)
        {
            var port = ProcessTools.FreePort();
            var url = $"http://127.0.0.1:{port}";
            var watch = Stopwatch.StartNew();
            var process = Process.Start(ProcessTools.Info("dotnet", [Path.Combine(app, "SearchApi.dll"), "--urls", url, .. settings], directory: app))!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new Server(process, url);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException("The service exited during start");
                try
                {
                    if ((await client.GetAsync(url + "/health/ready")).StatusCode == HttpStatusCode.OK) break;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(10);
            }
            server.ReadySeconds = watch.Elapsed.TotalSeconds;
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            if (_stopped) return;
            _stopped = true;
            await _sampling.CancelAsync();
            if (!_process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await _process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            _process.Dispose();
        }
    }

    /// <summary>Four facets over every statement (an empty query), one request at a time: latency percentiles.</summary>
    public static async Task<FacetResult> FacetsAsync(string url, int repeats)
    {
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        const string path = "/api/v1/facets?field=lang&field=source&field=year&field=person";
        for (var i = 0; i < 5; i++) (await client.GetAsync(path)).EnsureSuccessStatusCode();
        var latencies = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            // A fresh request each time: no If-None-Match, so nothing is answered from the ETag.
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        var result = LoadResult.From(1, TimeSpan.FromSeconds(1), latencies, 0);
        return new FacetResult("lang, source, year, person", result.P50Ms, result.P99Ms);
    }
}
