using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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

    public Dictionary<string, string?> Settings { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchApi:DataDirectory", DataDirectory);
        builder.UseSetting("SearchApi:SeedsPath", RepoPaths.Seeds);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

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
