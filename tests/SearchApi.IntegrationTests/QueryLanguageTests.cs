using System.Text.RegularExpressions;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>The query language through HTTP, in both languages, with the expected statements worked out from the seeds.</summary>
[Collection(SeededService.Name)]
public sealed class QueryLanguageTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string[]> Ids(string query, string extra = "") =>
        (await _client.GetObject("/api/v1/search?limit=100&q=" + Uri.EscapeDataString(query) + extra))["hits"].Objects()
            .Select(h => h["id"].Str()).Order(StringComparer.Ordinal).ToArray();

    private static string[] Set(params string[] ids) => ids.Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData("\"humanitarian corridors\"", new[] { SeedIds.LavrovPressConference })]
    [InlineData("\"Евразийского фонда стабилизации\"", new[] { SeedIds.KazakbaevLavrovRu })]
    [InlineData("\"corridors humanitarian\"", new string[0])]
    public async Task Quoted_phrases_match_the_words_in_order(string query, string[] expected) =>
        Assert.Equal(Set(expected), await Ids(query));

    [Theory]
    [InlineData("Pashinyan OR Japarov", new[] { SeedIds.PashinyanNato, SeedIds.Japarov, SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu })]
    [InlineData("Пашинян OR Жапаров", new[] { SeedIds.PashinyanNato, SeedIds.Japarov, SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu })]
    [InlineData("(Japarov OR Pashinyan) NATO", new[] { SeedIds.PashinyanNato, SeedIds.LavrovPressConference })]
    [InlineData("Kyrgyz -Lavrov", new[] { SeedIds.Japarov, SeedIds.NationalProgram })]
    [InlineData("Киргизия -Лавров", new[] { SeedIds.Japarov, SeedIds.NationalProgram })]
    [InlineData("-Kyrgyzstan", new[] { SeedIds.Peacekeepers, SeedIds.PashinyanNato })]
    [InlineData("title:Pashinyan", new[] { SeedIds.PashinyanNato })]
    [InlineData("title:\"joint statement\"", new[] { SeedIds.JointStatement })]
    [InlineData("title:Kazakbayev", new[] { SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu })]
    [InlineData("text:Kazakbayev -title:Kazakbayev", new[] { SeedIds.JointStatement })]
    [InlineData("title:(Azerbaijan OR Pashinyan)", new[] { SeedIds.Peacekeepers, SeedIds.PashinyanNato })]
    public async Task Operators_combine_as_documented(string query, string[] expected) =>
        Assert.Equal(Set(expected), await Ids(query, "&match=all"));

    [Theory]
    [InlineData("negotiat*", "negotiat")]
    [InlineData("peacekeep*", "peacekeep")]
    [InlineData("переговор*", "переговор")]
    [InlineData("Kyrgyzst*", "kyrgyzst")]
    public async Task A_prefix_matches_every_statement_with_a_word_that_begins_with_it(string query, string prefix)
    {
        var expected = new List<string>();
        foreach (var id in SeedIds.All)
        {
            var document = await _client.GetObject($"/api/v1/documents/{id}");
            var words = Regex.Matches((document["title"].Str() + " " + document["text"].Str()).ToLowerInvariant(), @"\w+").Select(m => m.Value);
            if (words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal))) expected.Add(id);
        }
        Assert.NotEmpty(expected);
        Assert.Equal(Set([.. expected]), await Ids(query));
    }

    [Fact]
    public async Task A_malformed_query_is_read_as_plain_words_with_a_warning()
    {
        var body = await _client.GetObject("/api/v1/search?q=" + Uri.EscapeDataString("\"humanitarian corridors"));
        Assert.Equal(SeedIds.LavrovPressConference, body["hits"].Objects().Single()["id"].Str());
        Assert.Contains("position 0", body["queryWarning"].Str());

        var fine = await _client.GetObject("/api/v1/search?q=corridors");
        Assert.Null(fine["queryWarning"].StrOrNull());
    }

    [Theory]
    [InlineData("\"humanitarian corridors", 0)]
    [InlineData("Lavrov OR", 7)]
    [InlineData("(Japarov OR Pashinyan", 0)]
    [InlineData("Лавров)", 6)]
    public async Task Strict_parsing_answers_400_with_the_position_of_the_error(string query, int position)
    {
        var response = await _client.GetAsync("/api/v1/search?strict=true&q=" + Uri.EscapeDataString(query));
        var problem = await response.ReadObject();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("query_syntax", problem["code"].Str());
        Assert.Equal(position, problem["position"]!.GetValue<int>());
    }

    [Fact]
    public async Task More_words_than_the_clause_limit_are_refused()
    {
        var query = string.Join(' ', Enumerable.Range(0, 33).Select(i => $"w{i}"));
        var response = await _client.GetAsync("/api/v1/search?q=" + query);
        Assert.Equal("too_many_clauses", (await response.ReadObject())["code"].Str());
    }

    [Fact]
    public async Task Excluded_words_are_not_highlighted_and_do_not_count_as_matches()
    {
        var hit = (await _client.GetObject("/api/v1/search?q=" + Uri.EscapeDataString("Kyrgyz -Lavrov")))["hits"].Objects().First();
        var marked = hit["snippets"].Objects().SelectMany(s => s["highlights"].Objects().Select(h => s["text"].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())));
        Assert.DoesNotContain(marked, m => m.Contains("Lavrov", StringComparison.Ordinal));
    }
}

/// <summary>Limits set low by configuration, to show each is answered with its own code.</summary>
public sealed class QueryLimitTests : IAsyncLifetime
{
    private readonly SearchApiFactory _factory = new();

    public async Task InitializeAsync()
    {
        _factory.Settings["SearchApi:MaxPrefixExpansions"] = "50";
        _factory.Settings["SearchApi:MaxQueryClauses"] = "3";
        await _factory.InitializeAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Each_limit_has_its_own_problem_code()
    {
        var client = _factory.CreateClient();
        Assert.Equal("too_many_expansions", (await (await client.GetAsync("/api/v1/search?q=c*")).ReadObject())["code"].Str());
        Assert.Equal("too_many_clauses", (await (await client.GetAsync("/api/v1/search?q=a+b+c+d")).ReadObject())["code"].Str());
        Assert.Equal("query_too_long", (await (await client.GetAsync("/api/v1/search?q=" + new string('x', 1_001))).ReadObject())["code"].Str());
        Assert.Equal(200, (int)(await client.GetAsync("/api/v1/search?q=negotiat*")).StatusCode);

        var explain = await client.GetObject("/api/v1/search/explain?q=x");
        Assert.Equal(3, explain["limits"]!["maxClauses"]!.GetValue<int>());
        Assert.Equal(50, explain["limits"]!["maxPrefixExpansions"]!.GetValue<int>());
    }
}
