using System.Net;
using Microsoft.Extensions.Options;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Start-up on real data directories: seeding once, rebuilding a missing index, refusing bad settings.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_restart_keeps_the_store_and_does_not_seed_again()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "searchapi-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long firstSeq;
            await using (var first = SearchApiFactory.On(dataDirectory))
            {
                await first.InitializeAsync();
                firstSeq = (await first.CreateClient().GetObject("/health/ready"))["indexedSeq"]!.GetValue<long>();
            }
            await using var second = SearchApiFactory.On(dataDirectory);
            await second.InitializeAsync();
            var ready = await second.CreateClient().GetObject("/health/ready");

            Assert.Equal(firstSeq, ready["indexedSeq"]!.GetValue<long>());
            Assert.Equal(7, ready["documents"]!.GetValue<long>());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_index_is_rebuilt_from_the_store_at_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "searchapi-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = SearchApiFactory.On(dataDirectory))
                await first.InitializeAsync();
            Directory.Delete(Path.Combine(dataDirectory, "index"), recursive: true);

            await using var second = SearchApiFactory.On(dataDirectory);
            await second.InitializeAsync();
            var client = second.CreateClient();

            Assert.Equal(7, (await client.GetObject("/health/ready"))["documents"]!.GetValue<long>());
            Assert.Equal(SeedIds.LavrovPressConference, (await client.GetObject("/api/v1/search?q=corridor"))["hits"].Objects().Single()["id"].Str());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_seeds_path_that_does_not_exist_stops_the_start_with_a_clear_message()
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:SeedsPath"] = "/nonexistent/seeds";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("SearchApi:SeedsPath '/nonexistent/seeds' does not exist.", error.Message);
    }

    [Theory]
    [InlineData("mysql", null, "SearchApi:Storage must be one of sqlite, postgres, not 'mysql'.")]
    [InlineData("postgres", null, "SearchApi:Storage is postgres: set ConnectionStrings:Statements")]
    [InlineData("postgres", "Host=db;Pasword=hunter2-secret", "ConnectionStrings:Statements is not a valid postgres connection string.")]
    [InlineData("sqlite", "Data Source=x.db;Colour=blue;Password=hunter2-secret", "ConnectionStrings:Statements is not a valid sqlite connection string.")]
    public async Task A_store_that_cannot_work_stops_the_start_without_repeating_the_connection_string(string storage, string? connectionString, string message)
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:Storage"] = storage;
        factory.Settings["ConnectionStrings:Statements"] = connectionString;

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task An_unreachable_database_stops_the_start_after_the_configured_wait_instead_of_hanging()
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:Storage"] = "postgres";
        factory.Settings["ConnectionStrings:Statements"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2";
        factory.Settings["SearchApi:StoreWaitSeconds"] = "1";

        var error = Assert.ThrowsAny<System.Data.Common.DbException>(() => factory.CreateClient());
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_SQLite_connection_string_puts_the_store_where_it_says()
    {
        await using var factory = new SearchApiFactory();
        var file = Path.Combine(factory.DataDirectory, "elsewhere", "custom.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        factory.Settings["ConnectionStrings:Statements"] = $"Data Source={file}";
        await factory.InitializeAsync();

        Assert.True(File.Exists(file));
        Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "statements.db")));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("")]
    public async Task Seeds_can_be_turned_off_for_a_production_store(string setting)
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:SeedsPath"] = setting;
        await factory.InitializeAsync();

        var ready = await factory.CreateClient().GetObject("/health/ready");
        Assert.Equal(0, ready["documents"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_start()
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:TrustedProxies:0"] = "nginx";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("SearchApi:TrustedProxies 'nginx' is neither an IP address nor a network", error.Message);
    }

    [Fact]
    public async Task An_empty_api_key_from_a_deployment_means_writes_are_disabled()
    {
        await using var factory = new SearchApiFactory { WithApiKey = false };
        factory.Settings["SearchApi:ApiKeys:0"] = "";
        await factory.InitializeAsync();

        var response = await factory.CreateClient().PostAsync("/api/v1/documents", new StringContent("""{"text":"x"}""", System.Text.Encoding.UTF8, "application/json"));
        await response.AssertProblem(403, "writes_disabled");
    }

    [Fact]
    public async Task A_short_cursor_secret_stops_the_start()
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:CursorSecret"] = "short";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("SearchApi:CursorSecret", error.Message);
    }

    [Fact]
    public async Task A_configured_cursor_secret_signs_cursors()
    {
        await using var factory = new SearchApiFactory();
        factory.Settings["SearchApi:CursorSecret"] = "a-long-enough-shared-secret";
        await factory.InitializeAsync();
        var client = factory.CreateClient();

        var page = await client.GetObject("/api/v1/search?limit=3");
        var next = await client.GetAsync("/api/v1/search?limit=3&cursor=" + page["nextCursor"].Str());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
