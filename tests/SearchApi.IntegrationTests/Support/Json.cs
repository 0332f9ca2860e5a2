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
}
