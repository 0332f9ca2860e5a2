using System.Formats.Tar;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// A new replica from a running one's index: the admin endpoint streams the last commit as tar, and a service started
/// with SearchApi:IndexSnapshotFrom on a copy of the store starts from it.
/// </summary>
public sealed class IndexSnapshotEndpointTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_running_service_streams_its_last_commit_and_a_new_replica_starts_from_it()
    {
        var first = Path.Combine(_folder.Path, "first");
        byte[] tar;
        long? seq;
        await using (var running = SearchApiFactory.On(first))
        {
            await running.InitializeAsync();
            await (await running.CreateClient().GetAsync("/api/v1/admin/index/snapshot")).AssertProblem(401, "missing_api_key");
            using var response = await running.CreateWriter().GetAsync("/api/v1/admin/index/snapshot");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/x-tar", response.Content.Headers.ContentType?.MediaType);
            seq = long.Parse(response.Headers.GetValues("X-Index-Store-Seq").Single(), System.Globalization.CultureInfo.InvariantCulture);
            tar = await response.Content.ReadAsByteArrayAsync();
        }
        Assert.True(seq > 0);

        var snapshot = Path.Combine(_folder.Path, "snapshot");
        Directory.CreateDirectory(snapshot);
        await TarFile.ExtractToDirectoryAsync(new MemoryStream(tar), snapshot, overwriteFiles: false);
        Assert.Contains(Directory.GetFiles(snapshot), f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal));

        // The new replica: a copy of the store (as from a backup, or a shared PostgreSQL) and no index yet.
        var replica = Path.Combine(_folder.Path, "replica");
        Directory.CreateDirectory(replica);
        foreach (var file in Directory.GetFiles(first, "statements.db*")) File.Copy(file, Path.Combine(replica, Path.GetFileName(file)));
        await using var started = SearchApiFactory.On(replica);
        started.Settings["SearchApi:IndexSnapshotFrom"] = snapshot;
        await started.InitializeAsync();
        var body = await started.CreateClient().GetObject("/api/v1/search?q=Japarov&match=all");
        Assert.True(body["total"]!.GetValue<long>() > 0);
        using var copied = IndexCatalog.OpenReadOnly(Path.Combine(replica, "index"), () => StatementAnalyzer.Create());
        Assert.Equal(seq, copied.Current.IndexedSeq);
    }
}
