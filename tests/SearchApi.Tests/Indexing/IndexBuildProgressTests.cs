using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Indexing;

/// <summary>An index build says how far it has come while it runs, and nothing once it is done.</summary>
public sealed class IndexBuildProgressTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_rebuild_reports_its_progress_from_start_to_end()
    {
        var store = new SqlStatementStore(SqliteConnections.ForFile(_folder.File("statements.db")), TimeProvider.System);
        await store.MigrateAsync();
        await store.UpsertAsync(Enumerable.Range(0, 6_000).Select(i => TestStatements.Make($"s-{i}", $"Statement {i} on grain.")).ToList());
        using var catalog = IndexCatalog.Open(_folder.File("index"), () => StatementAnalyzer.Create());
        var sync = new IndexSynchronizer(store, catalog, NullLogger<IndexSynchronizer>.Instance);
        await sync.CatchUpAsync();
        Assert.Null(sync.Build);

        var seen = new List<IndexBuildProgress>();
        await sync.RebuildAsync(new SynchronousProgress(_ => seen.Add(sync.Build!)));

        Assert.True(seen.Count >= 2, "a build of 6,000 changes reports each batch");
        Assert.All(seen, p => Assert.Equal(6_000, p.Target));
        Assert.Equal(seen.Select(p => p.Reached).Order(), seen.Select(p => p.Reached));
        Assert.Equal(1.0, seen[^1].Fraction);
        Assert.True(seen[0].Fraction < 1);
        Assert.Null(sync.Build);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
