using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Topics across languages on the seeds: a query in one language finds the statements of the other through the lexicon.</summary>
[Collection(SeededService.Name)]
public sealed class CrossLanguageTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<JsonObject> Search(string query, string extra = "") =>
        _client.GetObject("/api/v1/search?limit=100&q=" + Uri.EscapeDataString(query) + extra);

    private static Dictionary<string, JsonObject> ById(JsonObject body) => body["hits"].Objects().ToDictionary(h => h["id"].Str());

    private static List<string> MatchedBy(JsonObject hit) => hit["matchedBy"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();

    private static List<string> Marked(JsonObject hit) =>
        hit["snippets"].Objects()
            .SelectMany(s => s["highlights"].Objects().Select(h => s["text"].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())))
            .Concat(hit["titleHighlights"].Objects().Select(h => hit["title"].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())))
            .ToList();

    [Fact]
    public async Task A_Russian_term_finds_the_English_joint_statement_of_the_two_ministers()
    {
        var hits = ById(await Search("совместное заявление"));

        var joint = hits[SeedIds.JointStatement];
        Assert.Equal("en", joint["lang"].Str());
        Assert.Equal(["translation"], MatchedBy(joint));
        Assert.Contains(Marked(joint), w => w.Equals("Joint", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Marked(joint), w => w.StartsWith("statement", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("parliamentary elections")]
    [InlineData("constitutional reform")]
    [InlineData("press conference")]
    public async Task An_English_topic_finds_the_Russian_statement_in_any_case_form(string query)
    {
        var hits = ById(await Search(query, "&lang=ru"));

        var russian = hits[SeedIds.KazakbaevLavrovRu];
        Assert.Equal(["translation"], MatchedBy(russian));
        Assert.NotEmpty(Marked(russian));
    }

    [Fact]
    public async Task A_Russian_word_finds_English_statements_and_its_own_language_first_among_equals()
    {
        var hits = ById(await Search("переговоры"));

        Assert.Contains(SeedIds.LavrovPressConference, hits.Keys);
        Assert.Contains(SeedIds.KazakbaevLavrovRu, hits.Keys);
        Assert.Equal(["translation"], MatchedBy(hits[SeedIds.LavrovPressConference]));
        Assert.Contains(MatchedBy(hits[SeedIds.KazakbaevLavrovRu]), k => k is "exact" or "stem");
    }

    [Fact]
    public async Task CrossLanguage_false_keeps_to_the_words_as_typed()
    {
        var hits = ById(await Search("совместное заявление", "&crossLanguage=false"));

        Assert.DoesNotContain(SeedIds.JointStatement, hits.Keys);
        Assert.All(hits.Values, h => Assert.DoesNotContain("translation", MatchedBy(h)));
    }

    [Fact]
    public async Task Function_words_do_not_make_a_statement_miss()
    {
        var hits = ById(await Search("the joint statement of the ministers"));

        Assert.Contains(SeedIds.JointStatement, hits.Keys);
    }

    [Fact]
    public async Task Explain_lists_the_translations_of_each_word_and_term()
    {
        var body = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("совместное заявление"));

        var term = body["words"].Objects().Single();
        Assert.Equal("совместное заявление", term["text"].Str());
        var translations = term["translations"].Objects().ToList();
        Assert.Contains(translations, t => t["lang"].Str() == "en" && t["text"].Str() == "joint statement");

        var off = await _client.GetObject("/api/v1/search/explain?crossLanguage=false&q=" + Uri.EscapeDataString("совместное заявление"));
        Assert.All(off["words"].Objects(), w => Assert.Empty(w["translations"]!.AsArray()));
    }

    [Fact]
    public async Task Entity_words_cross_languages_as_entities_not_as_translations()
    {
        var body = await _client.GetObject("/api/v1/search/explain?q=" + Uri.EscapeDataString("Kyrgyzstan"));

        var word = body["words"].Objects().Single();
        Assert.Equal("place:kyrgyzstan", word["entity"]!["id"].Str());
        Assert.Empty(word["translations"]!.AsArray());
    }

    [Fact]
    public async Task Cursor_pages_of_a_blended_walk_give_every_hit_once_in_the_first_pages_order()
    {
        var all = (await Search("переговоры"))["hits"].Objects().Select(h => h["id"].Str()).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.GetObject("/api/v1/search?limit=1&q=" + Uri.EscapeDataString("переговоры") + (cursor is null ? "" : "&cursor=" + cursor));
            paged.AddRange(page["hits"].Objects().Select(h => h["id"].Str()));
            cursor = page["nextCursor"].StrOrNull();
        }
        while (cursor is not null);

        Assert.True(all.Count >= 2);
        Assert.Equal(all, paged);
    }
}
