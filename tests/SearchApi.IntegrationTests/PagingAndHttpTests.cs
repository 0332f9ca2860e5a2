using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Parsing;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Paging pinned to a snapshot while writes go on, and HTTP caching, CORS and compression. Each test has its own service, since it writes or configures.</summary>
public sealed class PagingAndHttpTests
{
    private static async Task<SearchApiFactory> Start(Dictionary<string, string?>? settings = null)
    {
        var factory = new SearchApiFactory();
        foreach (var (key, value) in settings ?? []) factory.Settings[key] = value;
        await factory.InitializeAsync();
        return factory;
    }

    private static async Task Write(SearchApiFactory factory, params StatementRecord[] records)
    {
        var ingestion = factory.Services.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync(records.Select(r => RecordParser.Parse(r).Statement!).ToList());
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("Kyrgyz", "")]
    [InlineData("", "&sort=date")]
    public async Task A_walk_with_cursors_sees_each_statement_exactly_once_while_writes_go_on(string query, string sort)
    {
        await using var factory = await Start();
        var client = factory.CreateClient();
        var url = $"/api/v1/search?limit=2&q={query}{sort}";
        var before = (await client.GetObject($"/api/v1/search?limit=100&q={query}{sort}"))["hits"].Objects().Select(h => h["id"].Str()).ToList();

        var seen = new List<string>();
        string? cursor = null;
        var page = 0;
        do
        {
            var body = await client.GetObject(url + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(body["hits"].Objects().Select(h => h["id"].Str()));
            cursor = body["nextCursor"].StrOrNull();
            // Between pages: new statements that sort first and last, and a changed one.
            await Write(factory,
                new StatementRecord(Id: $"new-{page}-a", Lang: "en", Date: "2030-01-01", Text: $"Kyrgyz news {page}, the newest of all."),
                new StatementRecord(Id: $"new-{page}-b", Lang: "en", Date: "1990-01-01", Text: $"Kyrgyz news {page}, the oldest of all."),
                new StatementRecord(Id: SeedIds.NationalProgram, Lang: "en", Date: "2026-01-01", Text: $"Kyrgyz programme revised {page}."));
            page++;
        }
        while (cursor is not null);

        Assert.Equal(before, seen);
        var after = (await client.GetObject($"/api/v1/search?limit=100&q={query}{sort}"))["total"]!.GetValue<long>();
        Assert.True(after > before.Count, "the writes are visible to a new walk");
    }

    [Fact]
    public async Task Search_and_facet_answers_carry_an_etag_that_holds_until_the_index_changes()
    {
        await using var factory = await Start();
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/v1/search?q=Lavrov");
        var etag = first.Headers.ETag!;
        Assert.True(etag.IsWeak);
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());

        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, "/api/v1/search?q=Lavrov", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Conditional(client, "/api/v1/search?q=Blinken", etag)).StatusCode);
        var facets = await client.GetAsync("/api/v1/facets?field=lang");
        Assert.Equal(HttpStatusCode.NotModified, (await Conditional(client, "/api/v1/facets?field=lang", facets.Headers.ETag!)).StatusCode);

        await Write(factory, new StatementRecord(Id: "fresh", Lang: "en", Text: "Lavrov spoke again."));
        Assert.Equal(HttpStatusCode.OK, (await Conditional(client, "/api/v1/search?q=Lavrov", etag)).StatusCode);
    }

    [Fact]
    public async Task Health_answers_are_never_cached_and_problems_carry_no_etag()
    {
        await using var factory = await Start();
        var client = factory.CreateClient();
        Assert.Equal("no-store", (await client.GetAsync("/health/ready")).Headers.CacheControl!.ToString());
        var problem = await client.GetAsync("/api/v1/search?limit=0");
        Assert.Null(problem.Headers.ETag);
    }

    [Fact]
    public async Task Configured_frontends_may_call_the_api_from_browsers_and_others_may_not()
    {
        await using var factory = await Start(new() { ["SearchApi:CorsOrigins:0"] = "https://newsroom.example.org" });
        var client = factory.CreateClient();

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=Lavrov");
        allowed.Headers.Add("Origin", "https://newsroom.example.org");
        var response = await client.SendAsync(allowed);
        Assert.Equal("https://newsroom.example.org", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/search");
        preflight.Headers.Add("Origin", "https://newsroom.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        Assert.True((await client.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Methods"));

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=Lavrov");
        other.Headers.Add("Origin", "https://elsewhere.example.com");
        Assert.False((await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_are_compressed_for_clients_that_accept_it(string encoding)
    {
        await using var factory = await Start();
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?limit=100");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task A_cursor_from_another_instance_of_the_service_is_expired()
    {
        // Two processes that share the signing secret, as replicas do: the snapshot lives only in the first.
        var secret = new Dictionary<string, string?> { ["SearchApi:CursorSecret"] = "replicas-share-this-secret" };
        await using var first = await Start(secret);
        var cursor = (await first.CreateClient().GetObject("/api/v1/search?limit=2"))["nextCursor"].Str();
        await using var second = await Start(secret);

        var response = await second.CreateClient().GetAsync("/api/v1/search?limit=2&cursor=" + Uri.EscapeDataString(cursor));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("cursor_expired", (await response.ReadObject())["code"].Str());
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
