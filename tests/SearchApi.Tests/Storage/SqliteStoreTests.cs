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

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder?.Dispose();
        base.Dispose();
    }
}
