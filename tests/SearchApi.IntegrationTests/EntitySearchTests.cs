using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Bilingual search over the seeds: inflected Russian names, names across scripts, organisations across languages.</summary>
[Collection(SeededService.Name)]
public sealed class EntitySearchTests(SearchApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<string>> Ids(string query) =>
        (await _client.GetObject("/api/v1/search?limit=100&q=" + Uri.EscapeDataString(query)))["hits"].Objects().Select(h => h["id"].Str()).ToList();

    [Theory]
    [InlineData("Лавров")]
    [InlineData("Лаврова")]
    [InlineData("Лаврову")]
    [InlineData("Лавровым")]
    [InlineData("лаврове")]
    [InlineData("Казакбаев")]
    [InlineData("Казакбаевым")]
    [InlineData("Казакбаеву")]
    [InlineData("Жапаров")]
    [InlineData("Жапарова")]
    [InlineData("Жапаровым")]
    public async Task A_Russian_surname_in_any_case_finds_the_Russian_statement(string form)
    {
        Assert.Contains(SeedIds.KazakbaevLavrovRu, await Ids(form));
    }

    [Theory]
    [InlineData("Japarov")]
    [InlineData("Жапаров")]
    [InlineData("Zhaparov")]
    [InlineData("Садыр Жапаров")]
    public async Task Japarov_in_either_script_finds_every_statement_that_names_him(string query)
    {
        Assert.Equal(
            new[] { SeedIds.Japarov, SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu }.Order(StringComparer.Ordinal),
            (await Ids(query)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CSTO")]
    [InlineData("ОДКБ")]
    [InlineData("Collective Security Treaty Organization")]
    public async Task The_CSTO_in_either_language_finds_every_statement_that_names_it(string query)
    {
        Assert.Equal(
            new[] { SeedIds.PashinyanNato, SeedIds.JointStatement, SeedIds.LavrovPressConference, SeedIds.NationalProgram, SeedIds.KazakbaevLavrovRu }.Order(StringComparer.Ordinal),
            (await Ids(query)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Hits_say_how_they_matched()
    {
        var hits = (await _client.GetObject("/api/v1/search?limit=100&q=Japarov"))["hits"].Objects().ToDictionary(h => h["id"].Str());

        // Each word reports its strongest kind of match.
        Assert.Equal(["exact"], MatchedBy(hits[SeedIds.Japarov]));
        Assert.Equal(["entity"], MatchedBy(hits[SeedIds.KazakbaevLavrovRu]));
        Assert.Equal(["entity"], MatchedBy(hits[SeedIds.LavrovPressConference]));

        var inflected = await _client.GetObject("/api/v1/search?lang=ru&q=" + Uri.EscapeDataString("Лаврову"));
        Assert.Equal(["stem"], MatchedBy(inflected["hits"].Objects().Single()));
        var unknownName = await _client.GetObject("/api/v1/search?lang=ru&q=Gaynutdin");
        Assert.Equal(["translit"], MatchedBy(unknownName["hits"].Objects().Single()));
        var twoWords = await _client.GetObject("/api/v1/search?lang=en&match=all&q=" + Uri.EscapeDataString("ОДКБ Kyrgyz"));
        Assert.All(twoWords["hits"].Objects(), h => Assert.Equal(["exact", "entity"], MatchedBy(h)));
    }

    [Fact]
    public async Task Exact_matches_rank_above_transliterated_and_entity_matches_in_each_language()
    {
        var english = (await _client.GetObject("/api/v1/search?lang=en&q=Japarov"))["hits"].Objects().Select(h => h["id"].Str()).ToList();
        Assert.Equal([SeedIds.Japarov, SeedIds.LavrovPressConference], english);

        // Blended across languages, each language's best statement leads: the English one named as typed and the Russian one.
        var both = await Ids("Japarov");
        Assert.Equal(new[] { SeedIds.Japarov, SeedIds.KazakbaevLavrovRu }.Order(StringComparer.Ordinal), both.Take(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Cross_language_matches_are_highlighted()
    {
        var hit = (await _client.GetObject("/api/v1/search?lang=ru&q=CSTO"))["hits"].Objects().Single();
        var marked = hit["snippets"].Objects().SelectMany(s => s["highlights"].Objects().Select(h => s["text"].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>()))).ToList();
        Assert.Contains("ОДКБ", marked);
    }

    [Fact]
    public async Task The_person_facet_counts_Lavrov_once_per_statement_in_either_language()
    {
        var body = await _client.GetObject("/api/v1/facets?field=person&size=100");
        var lavrov = body["facets"]!["person"].Objects().Single(v => v["value"].Str() == "person:sergey-lavrov");

        Assert.Equal(3, lavrov["count"]!.GetValue<int>());
        Assert.Equal("Sergey Lavrov", lavrov["label"].Str());
        Assert.Equal("Сергей Лавров", lavrov["labels"]!["ru"].Str());
    }

    [Fact]
    public async Task Organization_and_place_facets_merge_both_languages()
    {
        var body = await _client.GetObject("/api/v1/facets?field=organization&field=place&size=100");
        var csto = body["facets"]!["organization"].Objects().Single(v => v["value"].Str() == "organization:csto");
        var kyrgyzstan = body["facets"]!["place"].Objects().Single(v => v["value"].Str() == "place:kyrgyzstan");

        Assert.Equal(5, csto["count"]!.GetValue<int>());
        Assert.Equal("Организация Договора о коллективной безопасности", csto["labels"]!["ru"].Str());
        Assert.Equal(5, kyrgyzstan["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Entity_filters_narrow_to_statements_that_name_every_given_entity()
    {
        var lavrov = await _client.GetObject("/api/v1/search?limit=100&person=person:sergey-lavrov");
        Assert.Equal(
            new[] { SeedIds.JointStatement, SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu }.Order(StringComparer.Ordinal),
            lavrov["hits"].Objects().Select(h => h["id"].Str()).Order(StringComparer.Ordinal));

        var both = await _client.GetObject("/api/v1/search?limit=100&person=person:sergey-lavrov&person=person:sadyr-japarov&organization=organization:csto");
        Assert.Equal(
            new[] { SeedIds.LavrovPressConference, SeedIds.KazakbaevLavrovRu }.Order(StringComparer.Ordinal),
            both["hits"].Objects().Select(h => h["id"].Str()).Order(StringComparer.Ordinal));

        var place = await _client.GetObject("/api/v1/facets?place=place:azerbaijan&field=lang");
        Assert.Equal(1, place["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task Documents_list_their_entities_with_labels_and_mentions()
    {
        var document = await _client.GetObject($"/api/v1/documents/{SeedIds.KazakbaevLavrovRu}");
        var text = document["text"].Str();
        var kazakbaev = document["entities"].Objects().Single(e => e["id"].Str() == "person:ruslan-kazakbaev");

        Assert.Equal("person", kazakbaev["type"].Str());
        Assert.Equal("Руслан Казакбаев", kazakbaev["label"].Str());
        Assert.Equal("Ruslan Kazakbaev", kazakbaev["labels"]!["en"].Str());
        var forms = kazakbaev["mentions"].Objects().Select(m => text.Substring(m["start"]!.GetValue<int>(), m["length"]!.GetValue<int>())).ToList();
        Assert.Contains("Казакбаевым", forms);
        Assert.Contains("Руслан Казакбаев", forms);
        Assert.Contains(document["entities"].Objects(), e => e["id"].Str() == "organization:csto");
    }

    [Theory]
    [InlineData("person=sergey-lavrov")]
    [InlineData("person=organization:csto")]
    [InlineData("place=person:")]
    public async Task An_entity_filter_that_is_not_an_id_of_its_type_is_a_problem(string query)
    {
        await (await _client.GetAsync("/api/v1/search?" + query)).AssertProblem(400, "invalid_entity");
    }

    private static List<string> MatchedBy(JsonObject hit) => hit["matchedBy"]!.AsArray().Select(n => n.Str()).ToList();
}
