using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

[Collection(SeededService.Name)]
public sealed class SimilarAndExplainTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Similar_statements_cross_languages_through_shared_entities()
    {
        var body = await _client.GetObject($"/api/v1/documents/{SeedIds.KazakbaevLavrovRu}/similar");
        var hits = body["hits"].Objects().ToList();

        Assert.Equal(SeedIds.KazakbaevLavrovRu, body["id"].Str());
        Assert.DoesNotContain(hits, h => h["id"].Str() == SeedIds.KazakbaevLavrovRu);
        var top = hits.Take(2).Select(h => h["id"].Str()).ToHashSet();
        Assert.Equal(new HashSet<string> { SeedIds.JointStatement, SeedIds.LavrovPressConference }, top);
        var shared = hits[0]["sharedEntities"]!.AsArray().Select(e => e.Str()).ToList();
        Assert.Contains("person:sergey-lavrov", shared);
        Assert.Contains("person:ruslan-kazakbaev", shared);
        Assert.All(hits, h => Assert.Equal("en", h["lang"].Str()));
    }

    [Fact]
    public async Task Similar_statements_in_one_language_share_wording()
    {
        var body = await _client.GetObject($"/api/v1/documents/{SeedIds.JointStatement}/similar?lang=en&limit=3");
        var hits = body["hits"].Objects().ToList();
        Assert.True(hits.Count <= 3);
        // The other two statements about Russian-Kyrgyz cooperation come before the news items.
        Assert.Equal(new HashSet<string> { SeedIds.LavrovPressConference, SeedIds.NationalProgram }, hits.Take(2).Select(h => h["id"].Str()).ToHashSet());
        Assert.True(hits[0]["similarText"]!.GetValue<bool>());
        Assert.All(hits, h => Assert.Equal("en", h["lang"].Str()));
    }

    [Theory]
    [InlineData("/api/v1/documents/nope/similar", 404, "document_not_found")]
    [InlineData("/api/v1/documents/a%20b/similar", 400, "invalid_id")]
    [InlineData("/api/v1/documents/1dcdbe5c83ebf706/similar?limit=51", 400, "invalid_limit")]
    [InlineData("/api/v1/documents/1dcdbe5c83ebf706/similar?lang=fr", 400, "invalid_lang")]
    public async Task Bad_similar_requests_are_problems(string url, int status, string code)
    {
        await (await _client.GetAsync(url)).AssertProblem(status, code);
    }

    [Fact]
    public async Task Explain_shows_the_terms_entities_and_transliterations_of_each_word()
    {
        var body = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("Лавровым CSTO Gaynutdin"));
        var words = body["words"].Objects().ToDictionary(w => w["text"].Str());

        Assert.Equal("and", body["parsed"]!["type"].Str());
        Assert.Contains("лавров", words["Лавровым"]["terms"]!["text_ru"]!.AsArray().Select(t => t.Str()));
        Assert.Equal(["лавровым"], words["Лавровым"]["terms"]!["exact"]!.AsArray().Select(t => t.Str()));
        Assert.Equal("person:sergey-lavrov", words["Лавровым"]["entity"]!["id"].Str());
        Assert.Equal("Сергей Лавров", words["Лавровым"]["entity"]!["labels"]!["ru"].Str());
        Assert.Equal("organization:csto", words["CSTO"]["entity"]!["id"].Str());
        Assert.Contains("gainutdin", words["Gaynutdin"]["terms"]!["translit"]!.AsArray().Select(t => t.Str()));
        Assert.Null(words["Gaynutdin"]["entity"]);
        Assert.Contains("entity:organization:csto", body["lucene"].Str());
        Assert.Null(body["degraded"]);
    }

    [Fact]
    public async Task Explain_tells_whether_and_how_one_statement_matches()
    {
        var matches = await _client.GetObject($"/api/v1/search/explain?q=Japarov&id={SeedIds.KazakbaevLavrovRu}");
        Assert.True(matches["statement"]!["matches"]!.GetValue<bool>());
        Assert.Equal(["entity"], matches["statement"]!["matchedBy"]!.AsArray().Select(m => m.Str()));
        Assert.True(matches["statement"]!["score"]!.GetValue<double>() > 0);

        var not = await _client.GetObject($"/api/v1/search/explain?q=Blinken&id={SeedIds.KazakbaevLavrovRu}");
        Assert.False(not["statement"]!["matches"]!.GetValue<bool>());
        Assert.True(not["statement"]!["exists"]!.GetValue<bool>());

        var unknown = await _client.GetObject("/api/v1/search/explain?q=Blinken&id=nope");
        Assert.False(unknown["statement"]!["exists"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Explain_shows_the_structure_and_how_a_malformed_query_was_read()
    {
        var parsed = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("(CSTO OR ОДКБ) -NATO title:\"joint statement\" negot*"));
        var children = parsed["parsed"]!["children"].Objects().ToList();
        Assert.Equal(["or", "not", "phrase", "term"], children.Select(c => c["type"].Str()));
        Assert.Equal("title", children[2]["scope"].Str());
        Assert.True(children[3]["prefix"]!.GetValue<bool>());
        Assert.DoesNotContain(parsed["words"].Objects(), w => w["text"].Str() == "NATO");

        var degraded = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("Lavrov OR"));
        Assert.Equal(7, degraded["degraded"]!["position"]!.GetValue<int>());

        var strict = await _client.GetAsync("/api/v1/search/explain?strict=true&q=" + Uri.EscapeDataString("Lavrov OR"));
        Assert.Equal("query_syntax", (await strict.ReadObject())["code"].Str());
    }
}
