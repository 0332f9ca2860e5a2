using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SearchApi.Core.Storage;

/// <summary>Opens connections to one store database. The only place that knows which database engine is behind the store.</summary>
public interface IStoreConnections
{
    /// <summary>The migrations folder for this engine ("sqlite" or "postgres").</summary>
    string Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>A SQLite file in write-ahead-log mode; the embedded default.</summary>
public sealed class SqliteConnections(string databasePath) : IStoreConnections
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    public string Dialect => "sqlite";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
