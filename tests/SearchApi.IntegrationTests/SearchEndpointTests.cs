using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

[Collection(SeededService.Name)]
public sealed class SearchEndpointTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<string>> Ids(string url) =>
        (await _client.GetObject(url))["hits"].Objects().Select(h => h["id"].Str()).ToList();

    [Fact]
    public async Task English_search_finds_the_statement_and_highlights_the_stemmed_form()
    {
        var body = await _client.GetObject("/api/v1/search?q=corridor");

        Assert.Equal(1, body["total"]!.GetValue<long>());
        var hit = body["hits"].Objects().Single();
        Assert.Equal(SeedIds.LavrovPressConference, hit["id"].Str());
        Assert.Equal("transcript", hit["kind"].Str());
        Assert.Equal("2024-10-06", hit["date"].Str());
        var marked = MarkedWords(hit);
        Assert.NotEmpty(marked);
        Assert.All(marked, word => Assert.StartsWith("corridor", word, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("corridors", marked);
    }

    [Fact]
    public async Task Russian_search_matches_an_inflected_form_and_highlights_it()
    {
        var body = await _client.GetObject("/api/v1/search?lang=ru&q=" + Uri.EscapeDataString("переговоры"));

        var hit = Assert.Single(body["hits"].Objects());
        Assert.Equal(SeedIds.KazakbaevLavrovRu, hit["id"].Str());
        Assert.Equal("ru", hit["lang"].Str());
        Assert.Contains("переговоров", MarkedWords(hit));
    }

    [Fact]
    public async Task With_match_all_every_word_of_the_query_must_match()
    {
        Assert.Equal([SeedIds.Japarov], await Ids("/api/v1/search?match=all&q=Japarov+Blinken"));
        Assert.Empty(await Ids("/api/v1/search?match=all&q=Japarov+Erdogan"));
        // By default the statement with both words still comes first, and the others follow as a partial answer.
        Assert.Equal(SeedIds.Japarov, (await Ids("/api/v1/search?q=Japarov+Blinken"))[0]);
    }

    [Fact]
    public async Task Empty_query_lists_everything_newest_first_with_undated_statements_last()
    {
        var body = await _client.GetObject("/api/v1/search?limit=100");

        Assert.Equal(7, body["total"]!.GetValue<long>());
        var ids = body["hits"].Objects().Select(h => h["id"].Str()).ToList();
        Assert.Equal(
            [SeedIds.LavrovPressConference, SeedIds.JointStatement, SeedIds.NationalProgram, SeedIds.KazakbaevLavrovRu],
            ids.Take(4));
        Assert.Equal(SeedIds.Undated.Order(StringComparer.Ordinal), ids.Skip(4).Order(StringComparer.Ordinal));
        Assert.All(body["hits"].Objects(), h => Assert.Equal(0, h["score"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Date_sort_is_oldest_first_and_still_puts_undated_statements_last()
    {
        var ids = await Ids("/api/v1/search?sort=date&limit=100");

        Assert.Equal(
            [SeedIds.KazakbaevLavrovRu, SeedIds.NationalProgram, SeedIds.JointStatement, SeedIds.LavrovPressConference],
            ids.Take(4));
        Assert.Equal(SeedIds.Undated.Order(StringComparer.Ordinal), ids.Skip(4).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("lang=ru", new[] { SeedIds.KazakbaevLavrovRu })]
    [InlineData("source=mid.ru", new[] { SeedIds.JointStatement, SeedIds.LavrovPressConference })]
    [InlineData("source=24.kg", new[] { SeedIds.NationalProgram })]
    [InlineData("kind=joint-statement", new[] { SeedIds.JointStatement })]
    [InlineData("kind=transcript&kind=joint-statement", new[] { SeedIds.JointStatement, SeedIds.LavrovPressConference })]
    [InlineData("from=2022-01-01&to=2022-12-31", new[] { SeedIds.NationalProgram })]
    [InlineData("from=2024-04-24", new[] { SeedIds.JointStatement, SeedIds.LavrovPressConference })]
    [InlineData("to=2022-01-17", new[] { SeedIds.NationalProgram, SeedIds.KazakbaevLavrovRu })]
    [InlineData("q=Kyrgyz&lang=en&source=mid.ru", new[] { SeedIds.JointStatement, SeedIds.LavrovPressConference })]
    public async Task Filters_restrict_the_results(string query, string[] expected)
    {
        var body = await _client.GetObject("/api/v1/search?limit=100&" + query);

        var ids = body["hits"].Objects().Select(h => h["id"].Str()).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids);
        Assert.Equal(expected.Length, body["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Relevance_puts_the_statement_about_the_query_first()
    {
        var ids = await Ids("/api/v1/search?q=Pashinyan+NATO");
        Assert.Equal(SeedIds.PashinyanNato, ids[0]);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 3)]
    [InlineData("q=Kyrgyz", 1)]
    [InlineData("q=Kyrgyz&sort=date", 2)]
    [InlineData("q=Russia&sort=-date", 1)]
    public async Task Paging_with_the_cursor_walks_the_whole_result_set_without_duplicates_or_gaps(string query, int limit)
    {
        var all = await _client.GetObject($"/api/v1/search?limit=100&{query}");
        var expected = all["hits"].Objects().Select(h => h["id"].Str()).ToList();

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.GetObject($"/api/v1/search?limit={limit}&{query}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(all["total"]!.GetValue<long>(), page["total"]!.GetValue<long>());
            seen.AddRange(page["hits"].Objects().Select(h => h["id"].Str()));
            cursor = page["nextCursor"].StrOrNull();
            Assert.True(++pages <= expected.Count + 1, "paging does not end");
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(all["total"]!.GetValue<long>(), seen.Count);
        Assert.True(expected.Count > limit, "the walk should span several pages");
    }

    [Fact]
    public async Task The_last_page_has_no_next_cursor()
    {
        var body = await _client.GetObject("/api/v1/search?limit=7");
        Assert.Equal(7, body["hits"]!.AsArray().Count);
        Assert.Null(body["nextCursor"].StrOrNull());
    }

    [Fact]
    public async Task Response_reports_the_time_taken_and_full_hit_metadata()
    {
        var body = await _client.GetObject("/api/v1/search?q=Kazakbayev&source=mid.ru&sort=date");

        Assert.Equal(System.Text.Json.JsonValueKind.Number, body["tookMs"]!.GetValueKind());
        _ = body["tookMs"]!.GetValue<long>();
        var hit = body["hits"].Objects().First();
        foreach (var field in new[] { "id", "title", "lang", "date", "datePrecision", "source", "url", "kind", "score", "snippets" })
            Assert.True(hit.ContainsKey(field), $"hit lacks {field}");
        Assert.Equal("https://www.mid.ru/ru/foreign_policy/news/1803158/", hit["url"].Str());
        Assert.Equal("inferred", hit["datePrecision"].Str());
    }

    private static List<string> MarkedWords(JsonObject hit)
    {
        var words = new List<string>();
        foreach (var snippet in hit["snippets"].Objects())
        {
            var text = snippet["text"].Str();
            foreach (var highlight in snippet["highlights"].Objects())
                words.Add(text.Substring(highlight["start"]!.GetValue<int>(), highlight["length"]!.GetValue<int>()));
        }
        return words;
    }
}
