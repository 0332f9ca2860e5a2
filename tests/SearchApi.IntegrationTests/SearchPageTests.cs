using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>The search page's files over HTTP, and the .http file beside the project; the browser tests drive the page itself.</summary>
[Collection(SeededService.Name)]
public sealed partial class SearchPageTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_page_is_served_at_the_root_under_a_policy_that_allows_no_inline_script()
    {
        var page = await _client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"app.js\" defer></script>", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        var script = await _client.GetAsync("/app.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        var code = await script.Content.ReadAsStringAsync();
        // Statement text reaches the page through textContent and text nodes only.
        Assert.DoesNotMatch(InnerHtml(), code);
        Assert.Equal("text/css", (await _client.GetAsync("/app.css")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_http_file_has_a_request_for_every_operation()
    {
        var requests = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "SearchApi", "SearchApi.http"))
            .Select(l => RequestLine().Match(l)).Where(m => m.Success)
            .Select(m => (Method: m.Groups[1].Value, Path: m.Groups[2].Value.Split('?')[0])).ToList();
        var document = JsonNode.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, _) in item!.AsObject())
            {
                var template = new Regex("^" + Regex.Replace(Regex.Escape(path), @"\\\{\w+}", "[^/]+") + "$");
                Assert.True(requests.Any(r => r.Method == method.ToUpperInvariant() && template.IsMatch(r.Path)),
                    $"SearchApi.http has no request for {method.ToUpperInvariant()} {path}");
            }
    }

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write")]
    private static partial Regex InnerHtml();

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE) \{\{host\}\}(\S+)")]
    private static partial Regex RequestLine();
}
