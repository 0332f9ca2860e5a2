using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SearchApi.Core.Storage;

/// <summary>A store operation that failed: what went wrong (in words that name no file, host or password) and when.</summary>
public sealed record StoreFailure(string Reason, DateTimeOffset At);

/// <summary>
/// How the store's reads and writes have gone lately, as the requests that made them saw it: the last failure of each
/// kind, cleared by the next success of that kind. A store that answers "SELECT 1" but fails every write (a read-only
/// or full disk, a damaged file) shows here, not in a probe.
/// </summary>
public sealed class StoreHealth(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private StoreFailure? _read;
    private StoreFailure? _write;

    public StoreFailure? LastReadFailure => Volatile.Read(ref _read);

    public StoreFailure? LastWriteFailure => Volatile.Read(ref _write);

    public void Succeeded(bool write)
    {
        if (write) Volatile.Write(ref _write, null);
        else Volatile.Write(ref _read, null);
    }

    public void Failed(bool write, Exception exception)
    {
        var failure = new StoreFailure(Describe(exception), _clock.GetUtcNow());
        if (write) Volatile.Write(ref _write, failure);
        else Volatile.Write(ref _read, failure);
    }

    /// <summary>What a store exception means, for problem documents and health checks: never its message's paths or connection details.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode switch
        {
            5 or 6 => "the database is locked by another writer",
            8 => "the database cannot be written (a read-only file or folder)",
            10 => "the disk reported an input/output error",
            11 => "the database file is damaged",
            13 => "the disk is full",
            14 => "the database file cannot be opened",
            23 => "the database file cannot be accessed (permissions)",
            26 => "the database file is not a database (damaged or overwritten)",
            _ => $"the database reported SQLite error {sqlite.SqliteErrorCode}",
        },
        PostgresException postgres => $"PostgreSQL refused the operation ({postgres.SqlState})",
        NpgsqlException or TimeoutException => "the database server cannot be reached",
        DbException => "the database failed",
        IOException or UnauthorizedAccessException => "the database file cannot be read or written",
        _ => "the store failed",
    };

    /// <summary>Whether an exception is the store's failure (rather than a cancelled request or a bug of ours).</summary>
    public static bool IsStoreFault(Exception exception) =>
        exception is DbException or TimeoutException or IOException or UnauthorizedAccessException;
}
