using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Export, index rebuilds, rate limits and search timeouts, each on a service of its own.</summary>
public sealed class ExportAndAdminTests
{
    private static async Task<SearchApiFactory> Start(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new SearchApiFactory { TestServices = services };
        foreach (var (key, value) in settings ?? []) factory.Settings[key] = value;
        await factory.InitializeAsync();
        return factory;
    }

    private static async Task Ingest(SearchApiFactory factory, int from, int count)
    {
        var statements = Corpus.Lines(from, count).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => StatementRecords.ParseLine(l, "test").Statement!).ToList();
        await factory.Services.GetRequiredService<IngestionService>().IngestAsync(statements);
    }

    [Fact]
    public async Task An_export_streams_every_match_and_ends_with_a_manifest_whose_hash_covers_the_body()
    {
        await using var factory = await Start();
        await Ingest(factory, 0, 2_300);
        var client = factory.CreateClient();
        var total = (await client.GetObject("/api/v1/search?q=Lavrov&limit=1"))["total"]!.GetValue<long>();

        var response = await client.GetAsync("/api/v1/search/export?q=Lavrov&includeText=true");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var manifest = JsonNode.Parse(lines[^1])!["manifest"]!;
        var body = text[..text.LastIndexOf(lines[^1], StringComparison.Ordinal)];

        Assert.Equal(total, lines.Length - 1);
        Assert.Equal(total, manifest["count"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body))), manifest["sha256"].Str());
        Assert.Equal("Lavrov", manifest["query"].Str());
        Assert.True(manifest["indexedSeq"]!.GetValue<long>() >= 2_307);
        var ids = lines[..^1].Select(l => JsonNode.Parse(l)!["id"].Str()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(lines[..^1], l => JsonNode.Parse(l)!["text"].Str().Contains("Sergey Lavrov", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_CSV_export_is_a_plain_table_for_spreadsheets_and_its_manifest_hashes_the_whole_file()
    {
        await using var factory = await Start();
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/search/export?format=csv&source=mid.ru&sort=date&q=Lavrov");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // A byte-order mark, so that Excel reads UTF-8; then only the table, every row of the header's width.
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,title,lang,date,datePrecision,source,url,kind,score,people,organizations,places", lines[0]);
        Assert.StartsWith(SeedIds.JointStatement + ",", lines[1]);
        Assert.StartsWith(SeedIds.LavrovPressConference + ",", lines[2]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Sergey Lavrov", lines[1]);
        Assert.Contains("Kyrgyzstan", lines[1]);
        Assert.Contains("filename=\"searchapi-lavrov-", response.Content.Headers.ContentDisposition!.ToString());

        // The manifest, asked for on the export's snapshot, hashes every byte of the file.
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"describedby\"", link);
        var manifestUrl = link[1..link.IndexOf('>')];
        Assert.Contains("snapshot=" + response.Headers.GetValues("X-Export-Snapshot").Single(), manifestUrl);
        var manifest = (await client.GetObject(manifestUrl))["manifest"]!;
        Assert.Equal(2, manifest["count"]!.GetValue<long>());
        Assert.Equal("csv", manifest["format"].Str());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), manifest["sha256"].Str());
        // As the OpenAPI document describes it (ExportManifestBody).
        Assert.Equal(["query", "filters", "sort", "format", "includesText", "snapshot", "indexedSeq", "count", "sha256", "generatedAt"],
            manifest.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task The_manifest_of_a_snapshot_that_is_gone_is_410()
    {
        await using var factory = await Start();
        await (await factory.CreateClient().GetAsync("/api/v1/search/export/manifest?format=csv&snapshot=987654321")).AssertProblem(410, "cursor_expired");
    }

    [Theory]
    [InlineData("/api/v1/search/export?format=xml", 400, "invalid_parameter")]
    [InlineData("/api/v1/search/export?lang=xx", 400, "invalid_lang")]
    [InlineData("/api/v1/search/export?strict=true&q=%22open", 400, "query_syntax")]
    public async Task Bad_export_parameters_are_problems(string url, int status, string code)
    {
        await using var factory = await Start();
        await (await factory.CreateClient().GetAsync(url)).AssertProblem(status, code);
    }

    [Fact]
    public async Task A_rebuild_runs_beside_the_index_in_service_and_swaps_it_in()
    {
        await using var factory = await Start();
        await Ingest(factory, 0, 3_000);
        var writer = factory.CreateWriter();
        var reader = factory.CreateClient();

        // Searches run back to back from before the rebuild to after it; each must be answered completely.
        var answered = new System.Collections.Concurrent.ConcurrentBag<(DateTimeOffset Start, DateTimeOffset End)>();
        using var stop = new CancellationTokenSource();
        var searching = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var start = DateTimeOffset.UtcNow;
                var body = await reader.GetObject($"/api/v1/search?q={Corpus.Token(1_234)}");
                Assert.Single(body["hits"]!.AsArray());
                answered.Add((start, DateTimeOffset.UtcNow));
            }
        });

        var started = await writer.PostAsync("/api/v1/admin/reindex", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal("running", (await started.ReadObject())["state"].Str());
        JsonObject status;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "the rebuild did not end within 2 minutes");
            await Task.Delay(20);
            status = await writer.GetObject("/api/v1/admin/reindex");
        }
        while (status["state"].Str() == "running");
        await stop.CancelAsync();
        await searching;

        Assert.Equal("completed", status["state"].Str());
        Assert.Equal(3_007, status["documents"]!.GetValue<long>());
        // The service's clock is this machine's: searches were in flight while the rebuild ran, and were answered.
        var rebuildFrom = status["startedAt"]!.GetValue<DateTimeOffset>();
        var rebuildTo = status["finishedAt"]!.GetValue<DateTimeOffset>();
        Assert.Contains(answered, a => a.Start < rebuildTo && a.End > rebuildFrom);
        Assert.Equal(3_007, (await reader.GetObject("/health/ready"))["documents"]!.GetValue<long>());
        Assert.Single((await reader.GetObject($"/api/v1/search?q={Corpus.Token(2_999)}"))["hits"]!.AsArray());
        var generations = Directory.GetDirectories(Path.Combine(factory.DataDirectory, "index")).Select(Path.GetFileName).ToList();
        Assert.Contains(File.ReadAllText(Path.Combine(factory.DataDirectory, "index", "CURRENT")), generations);
        Assert.Equal("gen-2", File.ReadAllText(Path.Combine(factory.DataDirectory, "index", "CURRENT")));
    }

    [Fact]
    public async Task Clients_over_their_rate_are_answered_429_with_retry_after_and_keys_have_their_own_bucket()
    {
        await using var factory = await Start(new()
        {
            ["SearchApi:RateLimit:AnonymousPerSecond"] = "1",
            ["SearchApi:RateLimit:AnonymousBurst"] = "3",
            ["SearchApi:RateLimit:KeyedPerSecond"] = "100",
            ["SearchApi:RateLimit:KeyedBurst"] = "100",
        });
        var anonymous = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await anonymous.GetAsync("/api/v1/search?q=Lavrov");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.NotNull(limited);
        await limited.AssertProblem(429, "rate_limited");
        Assert.True(limited.Headers.RetryAfter!.Delta >= TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateWriter().GetAsync("/api/v1/search?q=Lavrov")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_search_that_runs_past_its_time_limit_is_stopped_with_a_problem_document()
    {
        // A clock that jumps a second every time it is read: every search is past a 5 ms limit at its first check.
        await using var factory = await Start(
            new() { ["SearchApi:SearchTimeoutMs"] = "5" },
            services => services.AddSingleton<TimeProvider>(new SteppingClock()));
        var client = factory.CreateClient();

        var search = await client.GetAsync("/api/v1/search?q=Lavrov");
        await search.AssertProblem(503, "search_timeout");
        Assert.NotNull(search.Headers.RetryAfter);
        await (await client.GetAsync("/api/v1/facets")).AssertProblem(503, "search_timeout");
    }

    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond);
    }
}
