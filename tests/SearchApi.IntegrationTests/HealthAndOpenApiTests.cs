using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

[Collection(SeededService.Name)]
public sealed class HealthAndOpenApiTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Live_and_ready_once_seeded()
    {
        var live = await _client.GetObject("/health/live");
        Assert.Equal("live", live["status"].Str());
        Assert.Matches(@"^\d+\.\d+\.\d+$", live["version"].Str());
        Assert.Matches("^([0-9a-f]{7,12}|unknown)$", live["commit"].Str());
        var ready = await _client.GetObject("/health/ready");
        Assert.Equal(live["version"].Str(), ready["version"].Str());
        Assert.Equal("ready", ready["status"].Str());
        Assert.Equal(7, ready["documents"]!.GetValue<long>());
        Assert.Equal(7, ready["indexedSeq"]!.GetValue<long>());
    }

    [Fact]
    public async Task Swagger_page_is_served()
    {
        var response = await _client.GetAsync("/swagger/index.html");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_operation_and_parameter_is_described_with_an_example()
    {
        var document = await _client.GetObject("/swagger/v1/swagger.json");
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                operations++;
                Assert.False(string.IsNullOrWhiteSpace(operation!["summary"].StrOrNull()), $"{method} {path} has no summary");
                Assert.False(string.IsNullOrWhiteSpace(operation["description"].StrOrNull()), $"{method} {path} has no description");
                foreach (var parameter in (operation["parameters"] as JsonArray ?? []).Select(p => p!.AsObject()))
                {
                    var name = parameter["name"].Str();
                    Assert.False(string.IsNullOrWhiteSpace(parameter["description"].StrOrNull()), $"{name} of {path} has no description");
                    Assert.True(parameter.ContainsKey("example") || parameter.ContainsKey("examples"), $"{name} of {path} has no example");
                }
            }
        }
        Assert.True(operations >= 5);
        Assert.Contains("/api/v1/search", document["paths"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Repeatable_parameters_are_documented_as_lists()
    {
        var document = await _client.GetObject("/swagger/v1/swagger.json");
        var lang = document["paths"]!["/api/v1/search"]!["get"]!["parameters"].Objects().Single(p => p["name"].Str() == "lang");
        Assert.Equal("array", lang["schema"]!["type"].Str());
        Assert.IsType<JsonArray>(lang["examples"]!["russian"]!["value"]);
        // Swagger fills a filter with its first example: that one is no filter.
        Assert.Empty(lang["examples"]!["none"]!["value"]!.AsArray());
        var facet = document["paths"]!["/api/v1/search"]!["get"]!["parameters"].Objects().Single(p => p["name"].Str() == "facet");
        Assert.IsType<JsonArray>(facet["example"]);
    }

    [Fact]
    public async Task Readiness_shows_the_store_and_index_checks()
    {
        var ready = await _client.GetObject("/health/ready");
        Assert.Equal("healthy", ready["checks"]!["store"]!["status"].Str());
        Assert.Equal("healthy", ready["checks"]!["index"]!["status"].Str());
        Assert.Contains("7 statements", ready["checks"]!["index"]!["description"].Str(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_query_box_offers_examples_in_English_and_Russian_and_the_syntax_table()
    {
        var document = await _client.GetObject("/swagger/v1/swagger.json");
        var search = document["paths"]!["/api/v1/search"]!["get"]!;
        var q = search["parameters"].Objects().Single(p => p["name"].Str() == "q");
        var examples = q["examples"]!.AsObject().Select(e => e.Value!["value"].Str()).ToList();
        Assert.Contains("humanitarian corridors", examples);
        Assert.Contains("Лавров ОДКБ", examples);
        Assert.Contains("| `CSTO OR NATO`, `ОДКБ OR ОБСЕ` | either word |", search["description"].Str(), StringComparison.Ordinal);
        Assert.Equal("ff633baefe86d7f1", search["responses"]!["200"]!["content"]!["application/json"]!["example"]!["hits"]![0]!["id"].Str());
        var tags = document["tags"].Objects().Select(t => t["name"].Str()).ToList();
        Assert.Equal(["Search", "Facets", "Documents", "Feed", "Admin", "Health"], tags);
        Assert.Contains("X-Api-Key", document["tags"].Objects().Single(t => t["name"].Str() == "Admin")["description"].Str(), StringComparison.Ordinal);
    }
}
