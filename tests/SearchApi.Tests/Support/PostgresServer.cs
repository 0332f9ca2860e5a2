using Npgsql;

namespace SearchApi.Tests.Support;

/// <summary>The test classes that share one <see cref="PostgresServer"/>, started before the first and stopped after the last.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// The tests' PostgreSQL: a <see cref="ThrowawayPostgres"/> tuned for speed over durability, shared by the test classes
/// of the <see cref="PostgresCollection"/>, which take a fresh database from it per test. A machine without the
/// binaries fails the tests that need it: PostgreSQL support is part of the product, not an optional extra.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly ThrowawayPostgres _server = ThrowawayPostgres.Start("fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200");
    private int _databases;

    public int Port => _server.Port;

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public string CreateDatabase()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        _server.Execute($"CREATE DATABASE \"{name}\"");
        return _server.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections are still open on it.</summary>
    public void DropDatabase(string connectionString) =>
        _server.Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");

    public void Dispose() => _server.Dispose();
}
