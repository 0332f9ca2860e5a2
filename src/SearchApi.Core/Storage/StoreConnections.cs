using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SearchApi.Core.Storage;

/// <summary>
/// Opens connections to one store database. With the migrations folder, the only place that knows which database
/// engine is behind the store: the store's SQL itself is the same for every engine.
/// </summary>
public interface IStoreConnections
{
    /// <summary>The migrations folder for this engine ("sqlite" or "postgres").</summary>
    string Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A condition that <paramref name="column"/> equals one of the values of a list parameter. Dapper expands a list
    /// into (@p1, @p2, …) for SQLite but hands PostgreSQL one array.
    /// </summary>
    string InList(string column, string parameter);

    /// <summary>
    /// Begins a transaction that holds the store's write lock until it ends, so that writes from every process (and
    /// the sequence numbers they take) follow one another: readers tailing the sequence never see a gap filled later.
    /// </summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until a write made through any process has committed, or <paramref name="timeout"/> passes, whichever
    /// comes first. Engines that cannot signal writes just wait; callers treat either return as "look now".
    /// </summary>
    Task WaitForWritesAsync(TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>The engines a store can run on, chosen by SearchApi:Storage.</summary>
public static class StoreEngines
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static readonly IReadOnlyList<string> All = [Sqlite, Postgres];

    /// <summary>What is wrong with this engine and connection string, in a sentence that never repeats the string (it may hold a password); null when they can work.</summary>
    public static string? Check(string engine, string? connectionString)
    {
        if (!All.Contains(engine)) return $"SearchApi:Storage must be one of {string.Join(", ", All)}, not '{engine}'.";
        if (engine == Postgres && string.IsNullOrWhiteSpace(connectionString))
            return "SearchApi:Storage is postgres: set ConnectionStrings:Statements (e.g. Host=db;Database=searchapi;Username=searchapi;Password=...).";
        if (string.IsNullOrWhiteSpace(connectionString)) return null;
        try
        {
            _ = engine == Postgres ? new NpgsqlConnectionStringBuilder(connectionString) : (DbConnectionStringBuilder)new SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"ConnectionStrings:Statements is not a valid {engine} connection string.";
        }
    }

    /// <summary>
    /// Connections for <paramref name="engine"/>. SQLite takes an optional connection string (default: a file in the
    /// data directory); PostgreSQL requires one.
    /// </summary>
    public static IStoreConnections Create(string engine, string? connectionString, string defaultSqlitePath) => engine switch
    {
        Sqlite => string.IsNullOrWhiteSpace(connectionString)
            ? SqliteConnections.ForFile(defaultSqlitePath)
            : new SqliteConnections(connectionString),
        Postgres => new PostgresConnections(connectionString
            ?? throw new ArgumentException("PostgreSQL needs a connection string.", nameof(connectionString))),
        _ => throw new ArgumentException($"Unknown store engine '{engine}'.", nameof(engine)),
    };
}

/// <summary>A SQLite file in write-ahead-log mode; the embedded default.</summary>
public sealed class SqliteConnections : IStoreConnections
{
    private readonly string _connectionString;
    private volatile bool _writeAheadLog;

    public SqliteConnections(string connectionString)
    {
        _connectionString = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public static SqliteConnections ForFile(string databasePath) =>
        new(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());

    public string Dialect => StoreEngines.Sqlite;

    public string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        if (!_writeAheadLog) await UseWriteAheadLogAsync(connection, cancellationToken);
        return connection;
    }

    // Write-ahead logging, kept in the database file once set: readers (the index catching up, the feed) no longer
    // block a writer's commit, nor it them. Commits stay durable: synchronous remains FULL.
    private async Task UseWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        await command.ExecuteScalarAsync(cancellationToken);
        _writeAheadLog = true;
    }

    // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the database's write lock is taken at once (waiting up to
    // DefaultTimeout for another writer), not on the first write, so two writers never deadlock on an upgrade.
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    // One machine: writes from this process catch the index up themselves; the CLI's are found by polling.
    public Task WaitForWritesAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);
}
