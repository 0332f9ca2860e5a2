using System.Net;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

[Collection(SeededService.Name)]
public sealed class DocumentEndpointTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Returns_the_whole_statement_with_paragraphs_and_an_etag()
    {
        var response = await _client.GetAsync($"/api/v1/documents/{SeedIds.NationalProgram}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var body = await response.ReadObject();
        Assert.Equal(SeedIds.NationalProgram, body["id"].Str());
        Assert.Equal("2022-01-17", body["date"].Str());
        Assert.Equal("day", body["datePrecision"].Str());
        Assert.Equal("24.kg", body["source"].Str());
        Assert.Equal("Baktygul Osmonalieva", body["author"].Str());
        Assert.Equal("news", body["kind"].Str());
        var paragraphs = body["paragraphs"]!.AsArray().Select(p => p.Str()).ToList();
        Assert.Equal(11, paragraphs.Count);
        Assert.Equal(string.Join("\n\n", paragraphs), body["text"].Str());
        Assert.DoesNotContain("24.kg news agency", body["text"].Str());
        Assert.True(body["seq"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task A_querys_words_are_marked_in_the_whole_statement_in_every_form_and_script()
    {
        var document = await _client.GetObject($"/api/v1/documents/{SeedIds.JointStatement}");
        var text = document["text"].Str();
        var title = document["title"].Str();

        var marks = await _client.GetObject($"/api/v1/documents/{SeedIds.JointStatement}/marks?q=" + Uri.EscapeDataString("Лавров Kyrgyz"));
        string At(string of, System.Text.Json.Nodes.JsonNode? h) => of.Substring(h!["start"]!.GetValue<int>(), h["length"]!.GetValue<int>());
        var marked = marks["text"]!.AsArray().Select(h => At(text, h)).ToList();
        // "Лавров" finds Sergey Lavrov in English; "Kyrgyz" marks every form it matched.
        Assert.Contains("Sergey Lavrov", marked);
        Assert.Contains(marked, w => w.StartsWith("Kyrgyz", StringComparison.Ordinal));
        Assert.True(marked.Count > 5, "every occurrence, not a few passages");
        Assert.Contains(marks["title"]!.AsArray().Select(h => At(title, h)), w => w.StartsWith("Kyrgyz", StringComparison.Ordinal));

        await (await _client.GetAsync("/api/v1/documents/no-such-statement/marks?q=Lavrov")).AssertProblem(404, "document_not_found");
    }

    [Fact]
    public async Task Page_furniture_is_gone_but_the_source_url_is_kept()
    {
        var body = await _client.GetObject($"/api/v1/documents/{SeedIds.JointStatement}");

        var text = body["text"].Str();
        foreach (var furniture in new[] { "Google+ Pinterest", "Share.", "Leave A Reply", "Source:" })
            Assert.DoesNotContain(furniture, text);
        Assert.Equal("https://www.mid.ru/ru/foreign_policy/news/1803158/", body["url"].Str());
        Assert.Equal("joint-statement", body["kind"].Str());
    }

    [Fact]
    public async Task If_none_match_with_the_etag_gives_304()
    {
        var first = await _client.GetAsync($"/api/v1/documents/{SeedIds.KazakbaevLavrovRu}");
        var etag = first.Headers.ETag!.Tag;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{SeedIds.KazakbaevLavrovRu}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var second = await _client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag!.Tag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{SeedIds.KazakbaevLavrovRu}");
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"something-else\"");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Different_statements_have_different_etags()
    {
        var a = await _client.GetAsync($"/api/v1/documents/{SeedIds.Japarov}");
        var b = await _client.GetAsync($"/api/v1/documents/{SeedIds.PashinyanNato}");
        Assert.NotEqual(a.Headers.ETag!.Tag, b.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Every_search_hit_can_be_fetched_as_a_document()
    {
        var search = await _client.GetObject("/api/v1/search?limit=100");
        foreach (var hit in search["hits"].Objects())
        {
            var document = await _client.GetObject($"/api/v1/documents/{hit["id"].Str()}");
            Assert.Equal(hit["title"].Str(), document["title"].Str());
            Assert.Equal(hit["lang"].Str(), document["lang"].Str());
        }
    }
}
