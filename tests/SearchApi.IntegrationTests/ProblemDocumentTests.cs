using System.Net;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Every bad parameter is answered with an RFC 9457 problem document carrying a stable code; never a 5xx.</summary>
[Collection(SeededService.Name)]
public sealed class ProblemDocumentTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/search?limit=0", 400, "invalid_limit")]
    [InlineData("/api/v1/search?limit=101", 400, "invalid_limit")]
    [InlineData("/api/v1/search?limit=-5", 400, "invalid_limit")]
    [InlineData("/api/v1/search?limit=ten", 400, "invalid_parameter")]
    [InlineData("/api/v1/search?limit=99999999999", 400, "invalid_parameter")]
    [InlineData("/api/v1/search?from=2022-02-30", 400, "invalid_date")]
    [InlineData("/api/v1/search?from=17.01.2022", 400, "invalid_date")]
    [InlineData("/api/v1/search?to=yesterday", 400, "invalid_date")]
    [InlineData("/api/v1/search?from=2023-01-01&to=2022-01-01", 400, "invalid_date_range")]
    [InlineData("/api/v1/search?sort=newest", 400, "invalid_sort")]
    [InlineData("/api/v1/search?lang=de", 400, "invalid_lang")]
    [InlineData("/api/v1/search?kind=tweet", 400, "invalid_kind")]
    [InlineData("/api/v1/search?cursor=not-a-cursor", 400, "invalid_cursor")]
    [InlineData("/api/v1/search?cursor=%F0%9F%92%A5", 400, "invalid_cursor")]
    [InlineData("/api/v1/facets?field=author", 400, "unknown_facet_field")]
    [InlineData("/api/v1/facets?size=0", 400, "invalid_facet_size")]
    [InlineData("/api/v1/facets?size=1000", 400, "invalid_facet_size")]
    [InlineData("/api/v1/facets?lang=fr", 400, "invalid_lang")]
    [InlineData("/api/v1/facets?from=2022-1-1", 400, "invalid_date")]
    [InlineData("/api/v1/documents/unknown-id", 404, "document_not_found")]
    [InlineData("/api/v1/documents/bad%20id", 400, "invalid_id")]
    [InlineData("/api/v1/nothing-here", 404, "not_found")]
    public async Task Bad_input_gets_a_problem_document_with_its_code(string url, int status, string code)
    {
        var response = await _client.GetAsync(url);
        await response.AssertProblem(status, code);
    }

    [Fact]
    public async Task A_parameter_of_the_wrong_type_is_explained_in_the_api_s_terms()
    {
        var response = await _client.GetAsync("/api/v1/search?limit=ten");
        var problem = await response.ReadObject();
        Assert.Equal("limit 'ten' is not a whole number.", problem["detail"].Str());
    }

    [Fact]
    public async Task A_query_over_the_length_limit_is_refused()
    {
        var response = await _client.GetAsync("/api/v1/search?q=" + new string('a', 1_001));
        await response.AssertProblem(400, "query_too_long");
    }

    [Fact]
    public async Task Too_many_values_for_one_filter_are_refused()
    {
        var query = string.Join("&", Enumerable.Range(0, 21).Select(i => $"source=s{i}.example"));
        await (await _client.GetAsync("/api/v1/search?" + query)).AssertProblem(400, "too_many_values");
    }

    [Fact]
    public async Task A_wrong_method_is_405_with_a_problem_document()
    {
        await (await _client.PostAsync("/api/v1/search", null)).AssertProblem(405, "method_not_allowed");
    }

    [Fact]
    public async Task A_tampered_cursor_is_rejected()
    {
        var page = await _client.GetObject("/api/v1/search?limit=2");
        var cursor = page["nextCursor"].Str();
        var flipped = (cursor[5] == 'A' ? 'B' : 'A');
        var tampered = cursor[..5] + flipped + cursor[6..];

        await (await _client.GetAsync("/api/v1/search?limit=2&cursor=" + tampered)).AssertProblem(400, "invalid_cursor");
    }

    [Fact]
    public async Task A_cursor_used_with_another_query_is_rejected()
    {
        var page = await _client.GetObject("/api/v1/search?limit=2");
        var cursor = Uri.EscapeDataString(page["nextCursor"].Str());

        await (await _client.GetAsync($"/api/v1/search?limit=2&q=Lavrov&cursor={cursor}")).AssertProblem(400, "cursor_mismatch");
        await (await _client.GetAsync($"/api/v1/search?limit=2&sort=date&cursor={cursor}")).AssertProblem(400, "cursor_mismatch");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/search?limit=5&cursor={cursor}")).StatusCode);
    }
}
