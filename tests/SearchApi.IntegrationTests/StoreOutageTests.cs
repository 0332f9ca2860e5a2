using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// PostgreSQL out of reach (a network partition, a database restart) while the service runs: searches go on from the
/// local index, what needs the store is answered 503 store_unavailable with Retry-After, and everything returns
/// without a restart once the database is back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreOutageTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly SearchApiFactory _factory = new();
    private TcpRelay _relay = null!;

    public async Task InitializeAsync()
    {
        _factory.UsePostgres(postgres);
        var direct = new NpgsqlConnectionStringBuilder(_factory.Settings["ConnectionStrings:Statements"]);
        _relay = new TcpRelay(direct.Port);
        _relay.Start();
        direct.Port = _relay.Port;
        _factory.Settings["ConnectionStrings:Statements"] = direct.ToString();
        await _factory.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _relay.DisposeAsync();
    }

    [Fact]
    public async Task Searches_go_on_and_store_reads_and_writes_answer_503_until_the_database_is_back()
    {
        var reader = _factory.CreateClient();
        var writer = _factory.CreateWriter();
        var statement = new { lang = "en", title = "Outage", text = "The ministry said outagemarker twice." };

        _relay.Cut();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/search?q=Lavrov")).StatusCode);
        var write = await writer.PutAsJsonAsync("/api/v1/documents/outage-1", statement);
        await write.AssertProblem(503, "store_unavailable");
        Assert.Equal("5", write.Headers.RetryAfter!.ToString());
        await (await reader.GetAsync("/api/v1/documents?limit=10")).AssertProblem(503, "store_unavailable");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/ready")).StatusCode);

        _relay.Start();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage retried;
        while ((retried = await writer.PutAsJsonAsync("/api/v1/documents/outage-1", statement)).StatusCode != HttpStatusCode.Created)
        {
            Assert.True(DateTime.UtcNow < deadline, $"still {retried.StatusCode} 30 s after the database came back");
            await Task.Delay(100);
        }
        Assert.Single((await reader.GetObject("/api/v1/search?q=outagemarker"))["hits"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/documents?limit=10")).StatusCode);
    }
}
