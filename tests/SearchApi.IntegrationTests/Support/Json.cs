using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchApi.IntegrationTests.Support;

/// <summary>Reads responses as JSON trees, so tests check the wire format a frontend sees.</summary>
public static class Json
{
    public static async Task<JsonObject> ReadObject(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public static async Task<JsonObject> GetObject(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} gave {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static IEnumerable<JsonObject> Objects(this JsonNode? array) => array!.AsArray().Select(n => n!.AsObject());

    public static string Str(this JsonNode? node) => node!.GetValue<string>();

    public static string? StrOrNull(this JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>Asserts that a response is an RFC 9457 problem document with this status and code, and nothing that leaks internals.</summary>
    public static async Task AssertProblem(this HttpResponseMessage response, int status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(code, problem["code"].Str());
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"].StrOrNull()));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"].StrOrNull()));
        Assert.Equal($"urn:searchapi:problem:{code}", problem["type"].Str());
        Assert.False(string.IsNullOrWhiteSpace(problem["traceId"].StrOrNull()));
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("/work/", body);
        Assert.DoesNotContain("/tmp/", body);
    }
}
