using System.Net;
using System.Text;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// Disk faults under a real server process: an index file truncated while serving, the index folder removed, a folder
/// that refuses writes, a damaged store file. The process must stay up, answer problem documents (never a 5xx other
/// than 503 with its code), tell the truth in /health/ready, and come back by itself once the fault is gone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskFaultTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Generation => Path.Combine(_folder.Path, "index", File.ReadAllText(Path.Combine(_folder.Path, "index", "CURRENT")));

    private static StringContent Statement(string text) => new($$"""{"lang":"en","text":"{{text}}"}""", Encoding.UTF8, "application/json");

    private static async Task<bool> Finds(ServerProcess server, string query, string id)
    {
        var response = await server.Client.GetAsync("/api/v1/search?q=" + query);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains($"\"id\":\"{id}\"", StringComparison.Ordinal);
    }

    private static async Task<string> Ready(ServerProcess server) =>
        (await (await server.Client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

    [Fact]
    public async Task A_truncated_index_file_answers_503_while_the_index_is_rebuilt_and_never_kills_the_process()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        var lines = string.Concat(Enumerable.Range(0, 300).Select(i => $$"""{"id":"t-{{i}}","text":"Trade talks number {{i}} in Minsk on grain and fertilisers."}""" + "\n"));
        Assert.True((await server.Writer.PostAsync("/api/v1/documents/bulk", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"))).IsSuccessStatusCode);

        // Every file that holds postings cut to nothing, under the open index.
        foreach (var file in Directory.GetFiles(Generation).Where(f => f.EndsWith(".cfs", StringComparison.Ordinal) || f.EndsWith(".pos", StringComparison.Ordinal) || f.EndsWith(".doc", StringComparison.Ordinal)))
            new FileStream(file, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete).Dispose();

        var statuses = new HashSet<HttpStatusCode>();
        await Poll.UntilAsync(async () =>
        {
            var response = await server.Client.GetAsync("/api/v1/search?q=grain&snippets=2");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) await response.AssertProblem(503, "index_unavailable");
            else Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return statuses.Contains(HttpStatusCode.ServiceUnavailable) || response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("\"total\":300", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "a search meets the damage");
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);

        // Rebuilt from the store, by itself.
        await Poll.UntilAsync(async () => await Finds(server, "grain%20299", "t-299") && (await Ready(server)).Contains("\"status\":\"ready\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), "the index is rebuilt and ready");
        Assert.Contains("\"total\":300", await server.Client.GetStringAsync("/api/v1/search?q=grain"));
        Assert.DoesNotContain("Unhandled exception", server.Output);
        await Consistency.AssertStoreAndIndexAgree(server);
    }

    [Fact]
    public async Task A_removed_index_folder_is_noticed_and_rebuilt_and_a_write_made_meanwhile_is_found()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        Directory.Delete(Path.Combine(_folder.Path, "index"), recursive: true);

        // The write is either acknowledged (the store has it; the index rebuilds to include it) or refused while the
        // rebuild runs; a refusal is 503 index_unavailable, and the client tries again.
        await Poll.UntilAsync(async () =>
        {
            var response = await server.Writer.PutAsync("/api/v1/documents/after-removal", Statement("Written after the index folder was removed, about barley."));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable) await response.AssertProblem(503, "index_unavailable");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the write is acknowledged");

        await Poll.UntilAsync(async () => await Finds(server, "barley", "after-removal") && (await Ready(server)).Contains("\"status\":\"ready\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "the rebuilt index holds the write");
        Assert.True(Directory.Exists(Generation));
        await Consistency.AssertStoreAndIndexAgree(server);
    }

    [Fact]
    public async Task An_index_folder_that_refuses_writes_degrades_readiness_refuses_writes_and_recovers()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        var generation = Generation;
        using (new FrozenPath(generation))
        {
            // The first write reaches the store (it is durable there) and the index fails to take it...
            var first = await server.Writer.PutAsync("/api/v1/documents/frozen-1", Statement("Written while the index folder refused writes, about rye."));
            Assert.True(first.IsSuccessStatusCode || first.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)first.StatusCode}");
            // ...which readiness reports, and from then on writes are refused rather than acknowledged unsearchable.
            await Poll.UntilAsync(async () => (await Ready(server)).Contains("cannot take the store", StringComparison.Ordinal) || (await Ready(server)).Contains("has not been able to take", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30), "readiness reports the index cannot take changes");
            var ready = await server.Client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"status\":\"degraded\"", await ready.Content.ReadAsStringAsync());
            await (await server.Writer.PutAsync("/api/v1/documents/frozen-2", Statement("Refused."))).AssertProblem(503, "index_unavailable");
            // Searches go on from what the index holds.
            Assert.True((await server.Client.GetAsync("/api/v1/search?q=Lavrov")).IsSuccessStatusCode);
        }

        await Poll.UntilAsync(async () => (await Ready(server)).Contains("\"status\":\"ready\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "readiness recovers");
        if ((await server.Client.GetAsync("/api/v1/documents/frozen-1")).IsSuccessStatusCode)
            await Poll.UntilAsync(() => Finds(server, "rye", "frozen-1"), TimeSpan.FromSeconds(30), "the acknowledged write becomes searchable");
        Assert.Equal(HttpStatusCode.Created, (await server.Writer.PutAsync("/api/v1/documents/thawed-1", Statement("Written after, about oats."))).StatusCode);
        Assert.True(await Finds(server, "oats", "thawed-1"));
        await Consistency.AssertStoreAndIndexAgree(server);
    }

    [Fact]
    public async Task A_store_file_that_refuses_writes_is_503_store_failed_and_degrades_the_store_check()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        using (new FrozenPath(_folder.Path))
        {
            // SQLite keeps writing into its existing log file in a folder that refuses new files; a checkpoint or a new
            // journal fails. Make the database file itself refuse writes too.
            using var database = new FrozenPath(Path.Combine(_folder.Path, "statements.db"));
            using var log = new FrozenPath(Path.Combine(_folder.Path, "statements.db-wal"));
            var response = await server.Writer.PutAsync("/api/v1/documents/refused-1", Statement("Refused by the store."));
            await response.AssertProblem(503, "store_failed");
            var ready = await Ready(server);
            Assert.Contains("\"status\":\"degraded\"", ready);
            Assert.Contains("the last write failed", ready);
            Assert.True((await server.Client.GetAsync("/api/v1/search?q=Lavrov")).IsSuccessStatusCode);
        }
        await Poll.UntilAsync(async () => (await server.Writer.PutAsync("/api/v1/documents/after-1", Statement("Accepted again, about millet."))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "writes are accepted again");
        await Poll.UntilAsync(async () => (await Ready(server)).Contains("\"store\":{\"status\":\"healthy\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the store check recovers");
    }
}
