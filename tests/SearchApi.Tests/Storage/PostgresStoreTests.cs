using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Storage;

/// <summary>The store contract on a real PostgreSQL server, a fresh database per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : StoreContractTests
{
    private readonly List<(PostgresConnections Connections, string ConnectionString)> _opened = [];

    protected override IStoreConnections FreshConnections()
    {
        var connectionString = server.CreateDatabase();
        var connections = new PostgresConnections(connectionString);
        _opened.Add((connections, connectionString));
        return connections;
    }

    public override void Dispose()
    {
        foreach (var (connections, connectionString) in _opened)
        {
            connections.Dispose();
            server.DropDatabase(connectionString);
        }
        base.Dispose();
    }
}
