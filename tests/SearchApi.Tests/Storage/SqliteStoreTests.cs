using Microsoft.Data.Sqlite;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Storage;

/// <summary>The store contract on real SQLite files.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private TempDirectory? _folder;

    protected override IStoreConnections FreshConnections()
    {
        _folder ??= new TempDirectory();
        return SqliteConnections.ForFile(_folder.File($"statements-{Guid.NewGuid():N}.db"));
    }

    [Fact]
    public async Task The_store_keeps_a_write_ahead_log_so_an_open_read_never_blocks_a_commit()
    {
        var connections = (SqliteConnections)FreshConnections();
        var store = new SqlStatementStore(connections, TimeProvider.System);
        await store.MigrateAsync();
        await using var reader = (SqliteConnection)await connections.OpenAsync(CancellationToken.None);
        using var read = reader.BeginTransaction(deferred: true);
        await using (var count = reader.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM statements";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }

        // In the rollback-journal mode the commit would wait for the reader (and give up with SQLITE_BUSY).
        var written = await store.UpsertAsync([TestStatements.Make("wal-1", "Written while a read is open.")]);

        Assert.Equal(WriteOutcome.Created, written.Single().Outcome);
        await using var mode = reader.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await mode.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_damaged_database_file_is_reported_in_words_that_name_no_path_and_a_state_read_does_not_hide_it()
    {
        _folder ??= new TempDirectory();
        var path = _folder.File("damaged.db");
        var connections = SqliteConnections.ForFile(path);
        var health = new StoreHealth();
        var store = new SqlStatementStore(connections, TimeProvider.System, health);
        await store.MigrateAsync();
        await store.UpsertAsync([TestStatements.Make("a", "Alpha.")]);
        Assert.Null(health.LastWriteFailure);
        SqliteConnection.ClearAllPools();
        // A file that is no longer a database (overwritten by something else), log and all.
        foreach (var file in Directory.GetFiles(_folder.Path, "damaged.db*")) File.WriteAllBytes(file, new byte[8192].Select((_, i) => (byte)(i * 7)).ToArray());

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.GetAsync("a"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => store.UpsertAsync([TestStatements.Make("b", "Beta.")]));

        Assert.Equal("the database file is not a database (damaged or overwritten)", health.LastReadFailure?.Reason);
        Assert.Equal("the database file is not a database (damaged or overwritten)", health.LastWriteFailure?.Reason);
        Assert.DoesNotContain(_folder.Path, health.LastReadFailure!.Reason);
    }

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder?.Dispose();
        base.Dispose();
    }
}
