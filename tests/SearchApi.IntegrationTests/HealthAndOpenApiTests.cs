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
        Assert.Equal("live", (await _client.GetObject("/health/live"))["status"].Str());
        var ready = await _client.GetObject("/health/ready");
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
                    Assert.True(parameter.ContainsKey("example"), $"{name} of {path} has no example");
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
        Assert.IsType<JsonArray>(lang["example"]);
    }
}
