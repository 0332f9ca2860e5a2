using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using SearchApi.IntegrationTests.Support;
using Xunit.Abstractions;

namespace SearchApi.IntegrationTests;

/// <summary>
/// Replicas: real server processes, each with its own local index, on one real PostgreSQL store. A write through
/// either is searchable on the other; a replica with an empty index builds it and says ready only once caught up; a
/// replica killed with SIGKILL catches up from the sequence its index had reached.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    // The fallback poll, long enough that only the store's write notifications can replicate within the test's bound.
    private const int SyncIntervalMs = 60_000;

    private readonly TempDirectory _folder = new();
    private readonly string _database = postgres.CreateDatabase();

    public void Dispose()
    {
        postgres.DropDatabase(_database);
        _folder.Dispose();
    }

    private Task<ServerProcess> StartReplica(string name) => ServerProcess.StartAsync(
        _folder.File(name),
        "--SearchApi:Storage=postgres", $"--ConnectionStrings:Statements={_database}", $"--SearchApi:SyncIntervalMs={SyncIntervalMs}");

    [Fact]
    public async Task A_write_through_either_replica_is_searchable_on_the_other_within_a_bounded_time()
    {
        await using var a = await StartReplica("a");
        await a.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        await using var b = await StartReplica("b");
        await b.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        Assert.Equal(await Documents(a), await Documents(b));
        Assert.True(await Documents(a) > 0, "the seeds were loaded once into the shared store");

        var lags = new List<TimeSpan>();
        for (var n = 0; n < 10; n++)
        {
            var (writer, reader) = n % 2 == 0 ? (a, b) : (b, a);
            var response = await writer.Writer.PutAsJsonAsync($"/api/v1/documents/{Corpus.Id(n)}", new
            {
                lang = "en", title = $"Replicated statement {n}", text = $"The ministry said {Corpus.Token(n)} in a statement.",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var lag = await TimeUntil(reader, Corpus.Token(n), expected: 1);
            Assert.True(lag < TimeSpan.FromSeconds(10), $"replicated after {lag}");
            lags.Add(lag);
            Assert.Equal(1, await Hits(writer, Corpus.Token(n)));
        }

        // A deletion travels the same way.
        Assert.Equal(HttpStatusCode.NoContent, (await b.Writer.DeleteAsync($"/api/v1/documents/{Corpus.Id(0)}")).StatusCode);
        lags.Add(await TimeUntil(a, Corpus.Token(0), expected: 0));

        var sorted = lags.Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Replication lag over {sorted.Count} writes: min {sorted[0].TotalMilliseconds:F0} ms, median {sorted[sorted.Count / 2].TotalMilliseconds:F0} ms, max {sorted[^1].TotalMilliseconds:F0} ms"));
        await Consistency.AssertStoreAndIndexAgree(a);
        await Consistency.AssertStoreAndIndexAgree(b);
    }

    [Fact]
    public async Task A_replica_with_an_empty_index_is_ready_only_once_caught_up_and_a_killed_one_catches_up_from_where_it_was()
    {
        await using var a = await StartReplica("a");
        await a.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        for (var part = 0; part < 6; part++)
            await Bulk(a, part * 1_000, 1_000);
        var storeSeq = await IndexedSeq(a);

        // A new replica, empty index: every readiness answer before the first 200 says "not ready", and the first 200
        // comes with the whole store indexed.
        var b = await StartReplica("b");
        try
        {
            var statuses = await b.WaitForAsync("/health/ready", TimeSpan.FromSeconds(120));
            Assert.All(statuses.SkipLast(1), status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
            Assert.Equal(storeSeq, await IndexedSeq(b));
            Assert.Equal(await Documents(a), await Documents(b));
            Assert.Contains($"Index caught up from sequence 0 to {storeSeq}", b.Output);
            await Consistency.AssertStoreAndIndexAgree(b);

            // Killed with SIGKILL; writes go on through the other replica meanwhile.
            b.Kill();
        }
        finally
        {
            await b.DisposeAsync();
        }
        await Bulk(a, 6_000, 500);
        Assert.Equal(HttpStatusCode.NoContent, (await a.Writer.DeleteAsync($"/api/v1/documents/{Corpus.Id(17)}")).StatusCode);
        var latest = await IndexedSeq(a);

        await using var restarted = await StartReplica("b");
        await restarted.WaitForAsync("/health/ready", TimeSpan.FromSeconds(120));
        Assert.Contains($"Index caught up from sequence {storeSeq} to {latest}", restarted.Output);
        Assert.Equal(1, await Hits(restarted, Corpus.Token(6_250)));
        Assert.Equal(0, await Hits(restarted, Corpus.Token(17)));
        await Consistency.AssertStoreAndIndexAgree(restarted);
    }

    private static async Task Bulk(ServerProcess server, int from, int count)
    {
        var response = await server.Writer.PostAsync("/api/v1/documents/bulk", new StringContent(Corpus.Lines(from, count), Encoding.UTF8, "application/x-ndjson"));
        Assert.Contains($"\"accepted\":{count}", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls a replica until a search for <paramref name="token"/> finds <paramref name="expected"/> statements.</summary>
    private static async Task<TimeSpan> TimeUntil(ServerProcess server, string token, int expected)
    {
        var watch = Stopwatch.StartNew();
        while (await Hits(server, token) != expected)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"{token} not replicated within 30 s:\n{server.Output}");
            await Task.Delay(5);
        }
        return watch.Elapsed;
    }

    private static async Task<int> Hits(ServerProcess server, string token) =>
        (await server.Client.GetObject($"/api/v1/search?q={token}"))["hits"]!.AsArray().Count;

    private static async Task<long> Documents(ServerProcess server) =>
        (await server.Client.GetObject("/health/ready"))["documents"]!.GetValue<long>();

    private static async Task<long> IndexedSeq(ServerProcess server) =>
        (await server.Client.GetObject("/health/ready"))["indexedSeq"]!.GetValue<long>();
}
