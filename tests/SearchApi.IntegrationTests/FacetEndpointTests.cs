using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Facet counts against counts made by hand on the seven seed statements (see SeedIds).</summary>
[Collection(SeededService.Name)]
public sealed class FacetEndpointTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static Dictionary<string, int> Counts(JsonObject body, string field) =>
        body["facets"]![field].Objects().ToDictionary(v => v["value"].Str(), v => v["count"]!.GetValue<int>());

    [Fact]
    public async Task Counts_every_seed_statement_by_language_source_kind_and_year()
    {
        var body = await _client.GetObject("/api/v1/facets");

        Assert.Equal(7, body["total"]!.GetValue<long>());
        Assert.True(body["exact"]!.GetValue<bool>());
        Assert.Equal(new Dictionary<string, int> { ["en"] = 6, ["ru"] = 1 }, Counts(body, "lang"));
        Assert.Equal(new Dictionary<string, int> { ["mid.ru"] = 2, ["24.kg"] = 1 }, Counts(body, "source"));
        Assert.Equal(new Dictionary<string, int> { ["news"] = 5, ["joint-statement"] = 1, ["transcript"] = 1 }, Counts(body, "kind"));
        Assert.Equal(new Dictionary<string, int> { ["2024"] = 2, ["2022"] = 1, ["2020"] = 1 }, Counts(body, "year"));
    }

    [Fact]
    public async Task Values_come_most_frequent_first_with_readable_labels()
    {
        var body = await _client.GetObject("/api/v1/facets?field=kind&field=lang");

        Assert.Equal(["kind", "lang"], body["facets"]!.AsObject().Select(kv => kv.Key).Order());
        var kinds = body["facets"]!["kind"].Objects().ToList();
        Assert.Equal("news", kinds[0]["value"].Str());
        Assert.Equal("Joint statement", kinds.Single(k => k["value"].Str() == "joint-statement")["label"].Str());
        Assert.Equal("Russian", body["facets"]!["lang"].Objects().Single(l => l["value"].Str() == "ru")["label"].Str());
    }

    [Fact]
    public async Task Counts_follow_the_query_and_filters()
    {
        // "Kyrgyz" also finds the Russian statement, through Киргизия.
        var kyrgyz = await _client.GetObject("/api/v1/facets?q=Kyrgyz&field=source&field=kind&field=lang");
        Assert.Equal(5, kyrgyz["total"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, int> { ["mid.ru"] = 2, ["24.kg"] = 1 }, Counts(kyrgyz, "source"));
        Assert.Equal(new Dictionary<string, int> { ["news"] = 3, ["joint-statement"] = 1, ["transcript"] = 1 }, Counts(kyrgyz, "kind"));
        Assert.Equal(new Dictionary<string, int> { ["en"] = 4, ["ru"] = 1 }, Counts(kyrgyz, "lang"));

        var russian = await _client.GetObject("/api/v1/facets?lang=ru");
        Assert.Equal(1, russian["total"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, int> { ["2020"] = 1 }, Counts(russian, "year"));
        Assert.Empty(Counts(russian, "source"));
    }

    [Fact]
    public async Task Size_limits_the_values_per_facet()
    {
        var body = await _client.GetObject("/api/v1/facets?field=year&size=1");
        Assert.Equal(new Dictionary<string, int> { ["2024"] = 2 }, Counts(body, "year"));
    }

    [Fact]
    public async Task Facet_totals_agree_with_search_totals()
    {
        foreach (var query in new[] { "", "q=Lavrov", "q=NATO&lang=en", "kind=news" })
        {
            var facets = await _client.GetObject("/api/v1/facets?field=lang&" + query);
            var search = await _client.GetObject("/api/v1/search?" + query);
            Assert.Equal(search["total"]!.GetValue<long>(), facets["total"]!.GetValue<long>());
            Assert.Equal(search["total"]!.GetValue<long>(), Counts(facets, "lang").Values.Sum());
        }
    }
}
