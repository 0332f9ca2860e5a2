using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// The service as a real process: killed with SIGKILL in the middle of a bulk ingest, and started on a deleted or
/// corrupted index. Every acknowledged statement must survive and be searchable, and store and index must agree.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Statements_acknowledged_before_a_kill_9_survive_it_and_store_and_index_agree()
    {
        var acknowledged = new List<string>();
        await using (var server = await ServerProcess.StartAsync(_folder.Path))
        {
            await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
            using var upload = new CancellationTokenSource();
            var uploading = Task.Run(async () =>
            {
                for (var part = 0; ; part++)
                {
                    // Each upload sends its lines slowly, so the kill lands in the middle of one.
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents/bulk") { Content = new SlowLines(part * 500, 500) };
                    using var response = await server.Writer.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, upload.Token);
                    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(upload.Token));
                    while (await reader.ReadLineAsync(upload.Token) is { } line)
                    {
                        var answer = JsonNode.Parse(line)!.AsObject();
                        if (answer["status"]?.GetValue<string>() == "accepted") lock (acknowledged) acknowledged.Add(answer["id"]!.GetValue<string>());
                    }
                }
            });
            await Poll.UntilAsync(() =>
            {
                Assert.False(uploading.IsCompleted, "the upload stopped early: " + uploading.Exception);
                lock (acknowledged) return Task.FromResult(acknowledged.Count >= 2_000);
            }, TimeSpan.FromMinutes(3), "2,000 statements acknowledged", TimeSpan.FromMilliseconds(10));
            server.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => uploading);
        }

        await using var restarted = await ServerProcess.StartAsync(_folder.Path);
        await restarted.WaitForAsync("/health/ready", TimeSpan.FromSeconds(120));
        List<string> ids;
        lock (acknowledged) ids = [.. acknowledged];
        // Everything acknowledged (and perhaps a few lines committed whose answers the kill cut off), plus the seeds.
        Assert.InRange((await restarted.Client.GetObject("/health/ready"))["documents"]!.GetValue<long>(), ids.Count + 7, ids.Count + 7 + 1_000);
        foreach (var id in ids)
            Assert.Equal(HttpStatusCode.OK, (await restarted.Client.GetAsync($"/api/v1/documents/{id}")).StatusCode);
        foreach (var id in ids.Where((_, i) => i % 25 == 0))
        {
            var n = int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture);
            var hit = (await restarted.Client.GetObject($"/api/v1/search?q={Corpus.Token(n)}"))["hits"].Objects().Single();
            var document = await restarted.Client.GetObject($"/api/v1/documents/{id}");
            Assert.Equal(id, hit["id"].Str());
            Assert.Equal(document["title"].Str(), hit["title"].Str());
        }
        await Consistency.AssertStoreAndIndexAgree(restarted);
    }

    [Fact]
    public async Task A_kill_after_writes_were_made_searchable_but_before_the_index_committed_them_loses_nothing()
    {
        const int count = 600;
        await using (var server = await ServerProcess.StartAsync(_folder.Path, "--SearchApi:IndexCommitSeconds=3600", "--SearchApi:IndexCommitChanges=1000000"))
        {
            await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
            var response = await server.Writer.PostAsync("/api/v1/documents/bulk", Lines(0, count));
            Assert.Contains($"\"accepted\":{count}", await response.Content.ReadAsStringAsync());
            // Searchable at the acknowledgement: the index was refreshed...
            Assert.Single((await server.Client.GetObject($"/api/v1/search?q={Corpus.Token(count - 1)}"))["hits"]!.AsArray());
            server.Kill();
        }
        // ...but not committed: on disk it still holds only the seeds.
        var generation = Path.Combine(_folder.Path, "index", File.ReadAllText(Path.Combine(_folder.Path, "index", "CURRENT")));
        using (var directory = Lucene.Net.Store.FSDirectory.Open(generation))
            Assert.Equal("7", Lucene.Net.Index.DirectoryReader.ListCommits(directory)[^1].UserData["storeSeq"]);

        await using var restarted = await ServerProcess.StartAsync(_folder.Path);
        await restarted.WaitForAsync("/health/ready", TimeSpan.FromSeconds(120));
        foreach (var n in new[] { 0, 1, count / 2, count - 1 })
            Assert.Single((await restarted.Client.GetObject($"/api/v1/search?q={Corpus.Token(n)}"))["hits"]!.AsArray());
        Assert.Contains("Index caught up from sequence 7 to 607", restarted.Output);
        await Consistency.AssertStoreAndIndexAgree(restarted);
    }

    [Fact]
    public async Task A_deleted_or_corrupted_index_is_rebuilt_at_start_while_readiness_says_not_ready()
    {
        const int count = 8_000;
        await using (var server = await ServerProcess.StartAsync(_folder.Path))
        {
            await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
            for (var part = 0; part < count / 1_000; part++)
            {
                var response = await server.Writer.PostAsync("/api/v1/documents/bulk", Lines(part * 1_000, 1_000));
                Assert.Contains("\"accepted\":1000", await response.Content.ReadAsStringAsync());
            }
            await server.StopAsync();
        }

        // Corrupted: every segments file of the index in service overwritten with garbage.
        var generation = Path.Combine(_folder.Path, "index", File.ReadAllText(Path.Combine(_folder.Path, "index", "CURRENT")));
        foreach (var file in Directory.GetFiles(generation, "segments*")) File.WriteAllBytes(file, Encoding.ASCII.GetBytes("not a Lucene commit"));
        await AssertRebuilt(count + 7);

        // Deleted: the whole index folder gone.
        Directory.Delete(Path.Combine(_folder.Path, "index"), recursive: true);
        await AssertRebuilt(count + 7);
    }

    private async Task AssertRebuilt(int expected)
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        var statuses = await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(120));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        // Readiness probes while the index builds are expected: none of them is logged as an error.
        Assert.DoesNotContain("\"LogLevel\":\"Error\"", server.Output);
        Assert.Equal(expected, (await server.Client.GetObject("/health/ready"))["documents"]!.GetValue<long>());
        Assert.Single((await server.Client.GetObject($"/api/v1/search?q={Corpus.Token(4_321)}"))["hits"]!.AsArray());
        await Consistency.AssertStoreAndIndexAgree(server);
        await server.StopAsync();
    }

    private static StringContent Lines(int from, int count) => new(Corpus.Lines(from, count), Encoding.UTF8, "application/x-ndjson");

    /// <summary>JSON Lines written a few at a time with pauses, like a slow partner upload.</summary>
    private sealed class SlowLines : HttpContent
    {
        private readonly int _from;
        private readonly int _count;

        public SlowLines(int from, int count)
        {
            (_from, _count) = (from, count);
            Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var n = _from; n < _from + _count; n += 50)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(Corpus.Lines(n, 50)));
                await stream.FlushAsync();
                await Task.Delay(15);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
