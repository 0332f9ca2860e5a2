using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Queries as journalists type them, on the seeds: questions, pasted headlines, typos, British spellings, datelines.</summary>
[Collection(SeededService.Name)]
public sealed class ForgivingQueryTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonObject> Search(string query, string extra = "") =>
        _client.GetObject("/api/v1/search?limit=100&q=" + Uri.EscapeDataString(query) + extra);

    private static List<string> Ids(JsonObject body) => body["hits"].Objects().Select(h => h["id"].Str()).ToList();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_question_finds_the_story_it_asks_about_and_says_which_word_it_lacks()
    {
        var body = await Search("what did Japarov write to Blinken");

        Assert.Equal("partial", body["match"].Str());
        var first = body["hits"].Objects().First();
        Assert.Equal(SeedIds.Japarov, first["id"].Str());
        // The story says "responded", "letter": "write" is the word it lacks; what, did and to are never required.
        Assert.Equal(["write"], Strings(first["missingWords"]));
    }

    [Fact]
    public async Task Match_all_keeps_every_word_required()
    {
        var body = await Search("what did Japarov write to Blinken", "&match=all");

        Assert.Equal("all", body["match"].Str());
        Assert.Empty(Ids(body));
    }

    [Fact]
    public async Task A_pasted_headline_with_a_word_the_statement_lacks_still_finds_it_first()
    {
        var body = await Search("Joint statement of the Ministers of Foreign Affairs on diplomatic relations Tashkent");

        Assert.Equal("partial", body["match"].Str());
        var first = body["hits"].Objects().First();
        Assert.Equal(SeedIds.JointStatement, first["id"].Str());
        Assert.Equal(["Tashkent"], Strings(first["missingWords"]));
    }

    [Fact]
    public async Task Statements_with_every_word_come_before_those_that_miss_some()
    {
        var hits = (await Search("Kazakbayev Lavrov Tashkent"))["hits"].Objects().ToList();

        var missing = hits.Select(h => Strings(h["missingWords"]).Count).ToList();
        Assert.Equal(missing.Order(), missing);
        Assert.All(hits, h => Assert.True(Strings(h["missingWords"]).Count <= 1, "at least two of the three words"));
    }

    [Theory]
    [InlineData("Lavorv", "Lavrov")]
    [InlineData("Kazakbayve", "Kazakbayev")]
    [InlineData("Казакбаевм", "Казакбаев")]
    public async Task A_typo_finds_the_name_and_the_corrected_query_is_suggested(string typo, string corrected)
    {
        var body = await Search(typo);

        Assert.NotEmpty(Ids(body));
        Assert.All(body["hits"].Objects(), h => Assert.Contains("typo", Strings(h["matchedBy"])));
        Assert.Equal(corrected, body["suggestion"]!["q"].Str(), ignoreCase: true);
        Assert.True(body["suggestion"]!["total"]!.GetValue<long>() >= 1);
        Assert.NotEmpty(body["hits"].Objects().First()["snippets"].Objects().SelectMany(s => s["highlights"].Objects()));
    }

    [Fact]
    public async Task Typos_false_finds_only_the_words_as_typed_but_still_suggests()
    {
        var body = await Search("Lavorv", "&typos=false");

        Assert.Empty(Ids(body));
        Assert.Equal("Lavrov", body["suggestion"]!["q"].Str());
    }

    [Theory]
    [InlineData("Lavrov")]
    [InlineData("2024")]
    [InlineData("Kyrgyz")]
    public async Task Words_found_as_typed_short_words_and_numbers_are_never_corrected(string query)
    {
        var body = await Search(query);

        Assert.Null(body["suggestion"]);
        Assert.All(body["hits"].Objects(), h => Assert.DoesNotContain("typo", Strings(h["matchedBy"])));
    }

    [Fact]
    public async Task Explain_gives_each_word_the_edits_a_typo_in_it_may_be()
    {
        var body = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("sanctions visa ministry \"favorable conditions\" cooperat* 2024"));

        var edits = body["words"].Objects().ToDictionary(w => w["text"].Str(), w => (int)w["typoEdits"]!);
        Assert.Equal(2, edits["sanctions"]);
        Assert.Equal(1, edits["ministry"]);
        Assert.Equal(0, edits["visa"] + edits["2024"] + edits["\"favorable conditions\""] + edits["cooperat*"]);
    }

    [Fact]
    public async Task A_British_spelling_finds_the_American_one()
    {
        // The joint statement says "favorable conditions".
        Assert.Contains(SeedIds.JointStatement, Ids(await Search("favourable conditions", "&match=all")));
        Assert.Contains(SeedIds.JointStatement, Ids(await Search("\"favourable conditions\"")));
    }

    [Fact]
    public async Task The_place_of_a_news_agency_dateline_is_a_place_of_the_statement()
    {
        // seeds/003 opens with "09:53, 17 января 2022, Bishkek - 24.kg news agency": Bishkek is not in its text.
        var document = await _client.GetObject($"/api/v1/documents/{SeedIds.NationalProgram}");
        Assert.Equal("Bishkek", document["dateline"].Str());
        var bishkek = document["entities"].Objects().Single(e => e["id"].Str() == "place:bishkek");
        Assert.Contains(bishkek["mentions"].Objects(), m => m["field"].Str() == "dateline");

        Assert.Contains(SeedIds.NationalProgram, Ids(await Search("Bishkek", "&match=all")));
        Assert.Contains(SeedIds.NationalProgram, Ids(await _client.GetObject("/api/v1/search?limit=100&place=place:bishkek")));
        var facets = await _client.GetObject("/api/v1/facets?field=place&size=100&source=24.kg");
        Assert.Contains(facets["facets"]!["place"].Objects(), v => v["value"].Str() == "place:bishkek");
    }

    [Fact]
    public async Task Paging_through_a_partial_answer_gives_every_hit_once_in_the_first_pages_order()
    {
        const string query = "Kazakbayev Lavrov Tashkent";
        var all = Ids(await Search(query));
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.GetObject("/api/v1/search?limit=1&q=" + Uri.EscapeDataString(query) + (cursor is null ? "" : "&cursor=" + cursor));
            paged.AddRange(Ids(page));
            cursor = page["nextCursor"].StrOrNull();
        }
        while (cursor is not null);

        Assert.True(all.Count >= 2);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task An_unknown_match_mode_is_a_problem()
    {
        var response = await _client.GetAsync("/api/v1/search?q=Lavrov&match=any");

        await response.AssertProblem(400, "invalid_match");
    }
}
