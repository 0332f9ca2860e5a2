using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SearchApi.IntegrationTests.Support;

/// <summary>
/// The real service through the real HTTP pipeline, on a fresh temporary data directory (a real SQLite file and an
/// on-disk Lucene index) seeded from the repository's seeds/ folder.
/// </summary>
public sealed class SearchApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDataDirectory;

    /// <summary>A service on a new temporary data directory, deleted on dispose.</summary>
    public SearchApiFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "searchapi-tests", Guid.NewGuid().ToString("N"));
        _ownsDataDirectory = true;
    }

    private SearchApiFactory(string dataDirectory) => DataDirectory = dataDirectory;

    /// <summary>A service on a data directory the caller owns, for restart tests.</summary>
    public static SearchApiFactory On(string dataDirectory) => new(dataDirectory);

    public string DataDirectory { get; }

    /// <summary>Whether the service accepts <see cref="TestKey"/>; without it, writes are disabled.</summary>
    public bool WithApiKey { get; set; } = true;

    /// <summary>The API key every test service accepts.</summary>
    public const string TestKey = "test-key-0123456789abcdef";

    /// <summary>A client that sends the test API key.</summary>
    public HttpClient CreateWriter()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestKey);
        return client;
    }

    public Dictionary<string, string?> Settings { get; } = new();

    private (PostgresServer Server, string ConnectionString)? _postgres;

    /// <summary>Puts the store in a fresh database on <paramref name="server"/> (dropped on dispose) instead of SQLite.</summary>
    public void UsePostgres(PostgresServer server)
    {
        var connectionString = server.CreateDatabase();
        _postgres = (server, connectionString);
        Settings["SearchApi:Storage"] = "postgres";
        Settings["ConnectionStrings:Statements"] = connectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchApi:DataDirectory", DataDirectory);
        builder.UseSetting("SearchApi:SeedsPath", RepoPaths.Seeds);
        // Test suites fire hundreds of requests a second from one address; rate-limit tests turn the limit back on.
        builder.UseSetting("SearchApi:RateLimit:AnonymousPerSecond", "0");
        builder.UseSetting("SearchApi:RateLimit:KeyedPerSecond", "0");
        if (WithApiKey) builder.UseSetting("SearchApi:ApiKeys:0", TestKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (TestServices is { } configure) builder.ConfigureTestServices(configure);
    }

    /// <summary>Replacements of real services for one test (a clock, never our store or index).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Starts the host and waits until the seeds are ingested and the index reports ready.</summary>
    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/health/ready")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The service did not become ready within 60 s.");
            await Task.Delay(50);
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is var (server, connectionString)) server.DropDatabase(connectionString);
        if (!_ownsDataDirectory || !Directory.Exists(DataDirectory)) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

/// <summary>One seeded service shared by the read-only HTTP tests.</summary>
[CollectionDefinition(Name)]
public sealed class SeededService : ICollectionFixture<SearchApiFactory>
{
    public const string Name = "seeded service";
}
