using System.Net;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

[Collection(SeededService.Name)]
public sealed class HighlightAndFacetTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private static IEnumerable<string> Marked(JsonObject snippetOrHit, string textField, string highlightsField) =>
        snippetOrHit[highlightsField].Objects().Select(h => snippetOrHit[textField].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>()));

    [Fact]
    public async Task Snippet_count_and_length_follow_the_parameters()
    {
        var hit = (await _client.GetObject("/api/v1/search?q=Kyrgyz&lang=en&kind=joint-statement&snippets=4&snippetLength=80"))["hits"].Objects().Single();
        var snippets = hit["snippets"].Objects().ToList();
        Assert.Equal(4, snippets.Count);
        Assert.All(snippets, s => Assert.True(s["text"].Str().Length <= 82, s["text"].Str()));
        Assert.All(snippets, s => Assert.NotEmpty(s["highlights"]!.AsArray()));

        var none = (await _client.GetObject("/api/v1/search?q=Kyrgyz&snippets=0"))["hits"].Objects().First();
        Assert.Empty(none["snippets"]!.AsArray());
    }

    [Fact]
    public async Task Titles_are_highlighted_too_in_both_languages()
    {
        var english = (await _client.GetObject("/api/v1/search?q=Pashinyan"))["hits"].Objects().First();
        Assert.Equal(["Pashinyan"], Marked(english, "title", "titleHighlights"));

        var russian = (await _client.GetObject("/api/v1/search?lang=ru&q=Kazakbayev"))["hits"].Objects().Single();
        Assert.Contains("Руслан Казакбаев", Marked(russian, "title", "titleHighlights"));
    }

    [Fact]
    public async Task Html_highlighting_escapes_the_text_and_marks_the_matches()
    {
        var hit = (await _client.GetObject("/api/v1/search?q=interfere&highlight=html"))["hits"].Objects().First();
        var snippet = hit["snippets"].Objects().First();
        var html = snippet["html"].Str();

        Assert.Contains("<mark>interfere</mark>", html);
        Assert.Contains("&#39;", html);
        Assert.DoesNotContain("'", html);
        Assert.Equal(snippet["text"].Str(), WebUtility.HtmlDecode(html.Replace("<mark>", "").Replace("</mark>", "")));
        Assert.NotNull(hit["titleHtml"].StrOrNull());

        var offsetsOnly = (await _client.GetObject("/api/v1/search?q=interfere"))["hits"].Objects().First();
        Assert.Null(offsetsOnly["snippets"].Objects().First()["html"].StrOrNull());
    }

    [Fact]
    public async Task Stemmed_entity_and_transliterated_matches_are_all_highlighted()
    {
        var russian = (await _client.GetObject("/api/v1/search?lang=ru&snippets=5&q=Japarov"))["hits"].Objects().Single();
        var marked = russian["snippets"].Objects().SelectMany(s => Marked(s, "text", "highlights")).ToList();
        Assert.Contains(marked, m => m.StartsWith("Жапаров", StringComparison.Ordinal) || m.EndsWith("Жапаров", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_facet_ignores_its_own_filter_so_every_value_stays_listed()
    {
        var body = await _client.GetObject("/api/v1/facets?lang=ru&field=lang&field=kind&field=person&size=100");

        Assert.Equal(1, body["total"]!.GetValue<long>());
        var langs = body["facets"]!["lang"].Objects().ToDictionary(v => v["value"].Str(), v => v["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["en"] = 6, ["ru"] = 1 }, langs);
        var kinds = body["facets"]!["kind"].Objects().ToDictionary(v => v["value"].Str(), v => v["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["news"] = 1 }, kinds);

        var lavrov = await _client.GetObject("/api/v1/facets?person=person:sergey-lavrov&field=person&field=lang&size=100");
        Assert.Equal(3, lavrov["total"]!.GetValue<long>());
        Assert.True(lavrov["facets"]!["person"].Objects().Count() > 10, "the person facet lists other people, counted without the person filter");
        Assert.Equal(2, lavrov["facets"]!["lang"].Objects().Single(v => v["value"].Str() == "en")["count"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("year", 5, new[] { "2020-01-01:2020:1", "2022-01-01:2022:1", "2024-01-01:2024:2" })]
    [InlineData("month", 49, new[] { "2020-10-01:2020-10:1", "2022-01-01:2022-01:1", "2024-04-01:2024-04:1", "2024-10-01:2024-10:1" })]
    [InlineData("week", 207, new[] { "2020-10-19:2020-W43:1", "2022-01-17:2022-W03:1", "2024-04-22:2024-W17:1", "2024-09-30:2024-W40:1" })]
    public async Task The_timeline_counts_dated_statements_per_interval_in_date_order_without_gaps(string interval, int buckets, string[] counted)
    {
        var body = await _client.GetObject($"/api/v1/facets?field=timeline&interval={interval}");
        var timeline = body["facets"]!["timeline"].Objects().ToList();
        Assert.Equal(counted, timeline.Where(b => b["count"]!.GetValue<int>() > 0).Select(b => $"{b["value"].Str()}:{b["label"].Str()}:{b["count"]}").ToArray());
        // Every bucket from the first to the last is there, empty ones at 0, in order: a chart draws them as they come.
        Assert.Equal(buckets, timeline.Count);
        var starts = timeline.Select(b => DateOnly.Parse(b["value"].Str(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(starts.Count, starts.Distinct().Count());
    }

    [Fact]
    public async Task The_timeline_follows_every_filter()
    {
        var body = await _client.GetObject("/api/v1/facets?field=timeline&interval=year&source=mid.ru");
        Assert.Equal(["2024-01-01:2"], body["facets"]!["timeline"].Objects().Select(b => $"{b["value"].Str()}:{b["count"]}"));
    }

    [Fact]
    public async Task Search_can_return_facets_with_the_hits()
    {
        var body = await _client.GetObject("/api/v1/search?q=Lavrov&limit=1&facet=lang&facet=person&facet=timeline&interval=year&facetSize=3");
        Assert.Single(body["hits"]!.AsArray());
        Assert.Equal(3, body["facets"]!["person"]!.AsArray().Count);
        Assert.Equal(body["total"]!.GetValue<long>(), body["facets"]!["lang"].Objects().Sum(v => v["count"]!.GetValue<int>()));
        Assert.NotEmpty(body["facets"]!["timeline"]!.AsArray());

        Assert.Null((await _client.GetObject("/api/v1/search?q=Lavrov"))["facets"]);
    }

    [Theory]
    [InlineData("person", "лав", "person:sergey-lavrov", 3)]
    [InlineData("person", "Lavr", "person:sergey-lavrov", 3)]
    [InlineData("person", "Жап", "person:sadyr-japarov", 3)]
    [InlineData("organization", "csto", "organization:csto", 5)]
    [InlineData("organization", "одкб", "organization:csto", 5)]
    [InlineData("organization", "коллектив", "organization:csto", 5)]
    [InlineData("place", "Кирг", "place:kyrgyzstan", 5)]
    [InlineData("lang", "rus", "ru", 1)]
    [InlineData("kind", "Joint", "joint-statement", 1)]
    [InlineData("source", "mid", "mid.ru", 2)]
    public async Task Facet_values_can_be_found_by_the_beginning_of_their_name_in_either_language(string field, string prefix, string value, int count)
    {
        var body = await _client.GetObject($"/api/v1/facets/{field}/values?prefix={Uri.EscapeDataString(prefix)}");
        Assert.True(body["exact"]!.GetValue<bool>());
        var found = body["values"].Objects().Single(v => v["value"].Str() == value);
        Assert.Equal(count, found["count"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(found["labels"]!["ru"].Str()));
    }

    [Fact]
    public async Task Facet_value_search_only_lists_values_that_occur()
    {
        var body = await _client.GetObject("/api/v1/facets/person/values?prefix=Putin");
        Assert.Empty(body["values"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/facets/timeline/values?prefix=2", 400, "unknown_facet_field")]
    [InlineData("/api/v1/facets/author/values", 400, "unknown_facet_field")]
    [InlineData("/api/v1/facets/person/values?size=0", 400, "invalid_facet_size")]
    [InlineData("/api/v1/facets?field=timeline&interval=decade", 400, "invalid_interval")]
    [InlineData("/api/v1/search?facet=colour", 400, "unknown_facet_field")]
    [InlineData("/api/v1/search?snippets=9", 400, "invalid_snippets")]
    [InlineData("/api/v1/search?snippetLength=10", 400, "invalid_snippets")]
    [InlineData("/api/v1/search?highlight=bold", 400, "invalid_highlight")]
    public async Task Bad_parameters_of_these_features_are_problems(string url, int status, string code)
    {
        await (await _client.GetAsync(url)).AssertProblem(status, code);
    }
}
