using System.Data.Common;
using Dapper;
using Npgsql;

namespace SearchApi.Core.Storage;

/// <summary>A PostgreSQL database shared by any number of replicas, through one pooled Npgsql data source.</summary>
public sealed class PostgresConnections : IStoreConnections, IAsyncDisposable, IDisposable
{
    // The key of the transaction-scoped advisory lock that serializes writes ("SearchAp" in ASCII).
    private const long WriteLockKey = 0x5365617263684170;

    // Every write transaction notifies this channel; PostgreSQL delivers the notification when (and only if) it commits.
    private const string WritesChannel = "searchapi_writes";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _listenerGate = new(1, 1);
    private NpgsqlConnection? _listener;

    public PostgresConnections(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "SearchApi";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public string Dialect => StoreEngines.Postgres;

    public string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@key), pg_notify(@channel, '')",
                new { key = WriteLockKey, channel = WritesChannel }, transaction, cancellationToken: cancellationToken));
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits on a dedicated connection that LISTENs for committed writes; reopened after any failure.</summary>
    public async Task WaitForWritesAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _listenerGate.WaitAsync(cancellationToken);
        try
        {
            if (_listener is null)
            {
                var listener = await _dataSource.OpenConnectionAsync(cancellationToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {WritesChannel}", listener))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                _listener = listener;
            }
            await _listener.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException)
        {
            // The connection broke (a database restart): drop it, and let the caller look at the store anyway.
            await DropListenerAsync();
            await Task.Delay(timeout, cancellationToken);
        }
        finally
        {
            _listenerGate.Release();
        }
    }

    private async Task DropListenerAsync()
    {
        if (_listener is null) return;
        await _listener.DisposeAsync();
        _listener = null;
    }

    public async ValueTask DisposeAsync()
    {
        await DropListenerAsync();
        await _dataSource.DisposeAsync();
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
        _dataSource.Dispose();
    }
}
