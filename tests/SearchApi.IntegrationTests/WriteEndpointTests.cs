using System.Net;
using System.Net.Http.Json;
using System.Text;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>The write path over HTTP on a service of its own per test: API keys, JSON and text bodies, PUT, DELETE, and every refusal.</summary>
public class WriteEndpointTests : OwnServiceTests
{
    protected override void Configure(SearchApiFactory factory) =>
        factory.Settings["SearchApi:MaxBodyBytes"] = "8192";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_JSON_statement_is_committed_then_searchable_and_an_identical_repeat_changes_nothing()
    {
        const string body = """{"id":"mfa_2026_11_20","lang":"en","title":"Lavrov meets Kyrgyz counterpart","date":"2026-11-20","source":"mid.ru","url":"https://www.mid.ru/x","text":"Sergey Lavrov met Jeenbek Kulubaev in Moscow.\nThey discussed the CSTO."}""";
        var created = await Writer.PostAsync("/api/v1/documents", Json(body));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/documents/mfa_2026_11_20", created.Headers.Location!.ToString());
        var result = (await created.ReadObject())["results"].Objects().Single();
        Assert.Equal("created", result["outcome"].Str());
        Assert.True(result["seq"]!.GetValue<long>() > 7);
        var hit = (await Reader.GetObject("/api/v1/search?q=Kulubaev"))["hits"].Objects().Single();
        Assert.Equal("mfa_2026_11_20", hit["id"].Str());
        Assert.Contains((await Reader.GetObject("/api/v1/documents/mfa_2026_11_20"))["entities"].Objects(), e => e["id"].Str() == "organization:csto");

        var again = await Writer.PostAsync("/api/v1/documents", Json(body));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.ReadObject())["results"].Objects().Single()["outcome"].Str());
    }

    [Fact]
    public async Task Raw_text_is_parsed_like_the_seeds()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Seeds, "000_440c6603d160168c.txt"));
        var response = await Writer.PostAsync("/api/v1/documents", new StringContent("Statement by the Ministry on the Caucasus\n\nThe Ministry of Foreign Affairs regrets the escalation.\n\nSource: https://www.mid.ru/ru/foreign_policy/news/99/", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadObject())["results"].Objects().Single()["id"].Str();
        var document = await Reader.GetObject($"/api/v1/documents/{id}");
        Assert.Equal("statement", document["kind"].Str());
        Assert.Equal("mid.ru", document["source"].Str());

        // The seed file with several stories: already in the store, so every story is unchanged.
        var seed = await Writer.PostAsync("/api/v1/documents", new StringContent(text, Encoding.UTF8, "text/plain"));
        Assert.Equal(["unchanged", "unchanged", "unchanged"], (await seed.ReadObject())["results"].Objects().Select(r => r["outcome"].Str()));
    }

    [Fact]
    public async Task Put_creates_or_replaces_by_id_and_delete_leaves_a_tombstone()
    {
        var put = await Writer.PutAsync("/api/v1/documents/my-statement", Json("""{"lang":"ru","text":"Садыр Жапаров прибыл в Москву."}"""));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var replaced = await Writer.PutAsync("/api/v1/documents/my-statement", Json("""{"lang":"ru","text":"Садыр Жапаров прибыл в Анкару."}"""));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("updated", (await replaced.ReadObject())["results"].Objects().Single()["outcome"].Str());
        Assert.Contains("Анкару", (await Reader.GetObject("/api/v1/documents/my-statement"))["text"].Str());

        Assert.Equal(HttpStatusCode.NoContent, (await Writer.DeleteAsync("/api/v1/documents/my-statement")).StatusCode);
        await (await Reader.GetAsync("/api/v1/documents/my-statement")).AssertProblem(404, "document_not_found");
        Assert.Empty((await Reader.GetObject("/api/v1/search?q=Анкару"))["hits"]!.AsArray());
        await (await Writer.DeleteAsync("/api/v1/documents/my-statement")).AssertProblem(404, "document_not_found");
    }

    [Fact]
    public async Task Writes_need_a_valid_api_key()
    {
        var body = Json("""{"text":"Anything."}""");
        await (await Reader.PostAsync("/api/v1/documents", body)).AssertProblem(401, "missing_api_key");
        Assert.Equal("ApiKey", (await Reader.PostAsync("/api/v1/documents", Json("{}"))).Headers.WwwAuthenticate.Single().Scheme);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = Json("""{"text":"Anything."}""") };
        wrong.Headers.Add("X-Api-Key", "not-the-key-at-all-0000");
        await (await Reader.SendAsync(wrong)).AssertProblem(403, "invalid_api_key");
        await (await Reader.DeleteAsync("/api/v1/documents/x")).AssertProblem(401, "missing_api_key");
        await (await Reader.PostAsync("/api/v1/admin/reindex", null)).AssertProblem(401, "missing_api_key");
    }

    [Theory]
    [InlineData("""{"lang":"en"}""", "text is required")]
    [InlineData("""{"text":"Hello.","lang":"de"}""", "lang must be")]
    [InlineData("""{"text":"Hello.","date":"2024-02-30"}""", "date '2024-02-30'")]
    [InlineData("""{"text":"Hello.","kind":"tweet"}""", "kind must be")]
    [InlineData("""{"text":"Hello.","id":"no spaces please"}""", "id must be")]
    [InlineData("""{"text":"Hello.","url":"javascript:alert(1)"}""", "url must be")]
    public async Task An_invalid_statement_is_422_with_the_reason(string body, string reason)
    {
        await (await Writer.PostAsync("/api/v1/documents", Json(body))).AssertProblem(422, "invalid_statement");
        Assert.Contains(reason, (await (await Writer.PostAsync("/api/v1/documents", Json(body))).ReadObject())["detail"].Str());
    }

    [Fact]
    public async Task Bodies_of_the_wrong_type_size_or_shape_are_refused()
    {
        await (await Writer.PostAsync("/api/v1/documents", new StringContent("<statement/>", Encoding.UTF8, "application/xml"))).AssertProblem(415, "unsupported_media_type");
        await (await Writer.PutAsync("/api/v1/documents/x", new StringContent("text", Encoding.UTF8, "text/plain"))).AssertProblem(415, "unsupported_media_type");
        await (await Writer.PostAsync("/api/v1/documents", Json("{\"text\": "))).AssertProblem(400, "invalid_json");
        await (await Writer.PostAsync("/api/v1/documents", Json("null"))).AssertProblem(400, "invalid_json");
        await (await Writer.PostAsync("/api/v1/documents", Json($$"""{"text":"{{new string('a', 10_000)}}"}"""))).AssertProblem(413, "payload_too_large");
        await (await Writer.PutAsync("/api/v1/documents/other", Json("""{"id":"different","text":"x"}"""))).AssertProblem(422, "invalid_statement");
        await (await Writer.PostAsync("/api/v1/documents", new StringContent("\n\nShare.\n", Encoding.UTF8, "text/plain"))).AssertProblem(422, "invalid_statement");
    }
}

/// <summary>A service with no API keys configured refuses every write.</summary>
public sealed class WritesDisabledTests
{
    [Fact]
    public async Task Without_configured_keys_writes_are_disabled()
    {
        await using var factory = new SearchApiFactory();
        factory.WithApiKey = false;
        await factory.InitializeAsync();
        var client = factory.CreateWriter();
        var response = await client.PostAsync("/api/v1/documents", new StringContent("""{"text":"x"}""", Encoding.UTF8, "application/json"));
        await response.AssertProblem(403, "writes_disabled");
    }
}

/// <summary>The same tests with the store on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWriteEndpointTests(PostgresServer postgres) : WriteEndpointTests
{
    protected override void UseStore(SearchApiFactory factory) => factory.UsePostgres(postgres);
}
