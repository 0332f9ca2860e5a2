using System.Text;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// One process writes an index. Operator commands and a second server beside a running service find the index held
/// (an operating-system lock, not a guess) and keep their hands off it: ingest writes only the store, reindex and a
/// second server refuse with one clear line.
/// </summary>
public sealed class OneWriterTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Beside_a_running_service_ingest_writes_only_the_store_and_reindex_and_a_second_server_refuse()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        var file = Path.Combine(_folder.Path, "from-cli.jsonl");
        await File.WriteAllTextAsync(file, string.Concat(Enumerable.Range(0, 3).Select(i => $$"""{"id":"cli-{{i}}","text":"Statement {{i}} from the command line about sorghum."}""" + "\n")), Encoding.UTF8);
        var generation = File.ReadAllText(Path.Combine(_folder.Path, "index", "CURRENT"));

        var ingest = await ServerProcess.RunAsync(_folder.Path, TimeSpan.FromMinutes(2), "ingest", file);
        Assert.True(ingest.ExitCode == 0, ingest.Output);
        Assert.Contains("The service is running and holds the index", ingest.Output);
        Assert.DoesNotContain("Index merged", ingest.Output);
        Assert.DoesNotContain("Building the index", ingest.Output);
        // The service indexes what the command stored, by itself. (The file starts with a byte-order mark, as
        // Windows tools write it: the first line is read all the same.)
        Assert.Contains("3 created, 0 rejected", ingest.Output);
        await Poll.UntilAsync(async () => (await server.Client.GetStringAsync("/api/v1/search?q=sorghum")).Contains("\"total\":3", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the service indexes the command's statements");
        Assert.Equal(generation, File.ReadAllText(Path.Combine(_folder.Path, "index", "CURRENT")));

        var reindex = await ServerProcess.RunAsync(_folder.Path, TimeSpan.FromMinutes(2), "reindex");
        Assert.Equal(3, reindex.ExitCode);
        Assert.Contains("POST /api/v1/admin/reindex", reindex.Output);

        var second = await ServerProcess.RunAsync(_folder.Path, TimeSpan.FromMinutes(2), "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("the index is held by another process", second.Output);
        Assert.DoesNotContain("   at ", second.Output);

        Assert.DoesNotContain("Could not remove retired index generation", server.Output);
        await Consistency.AssertStoreAndIndexAgree(server);
    }

    [Fact]
    public async Task A_setting_that_cannot_work_ends_the_start_with_one_line_and_exit_code_1()
    {
        var run = await ServerProcess.RunAsync(_folder.Path, TimeSpan.FromMinutes(1), "--SearchApi:MaxQueryClauses=0", "--urls", "http://127.0.0.1:0");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("configuration error: SearchApi:MaxQueryClauses must be between 1 and 1000.", run.Output.Trim());
    }
}
