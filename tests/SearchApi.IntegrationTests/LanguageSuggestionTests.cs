using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>When one language has few hits and the other many, the answer offers the switch.</summary>
public sealed class LanguageSuggestionTests : OwnServiceTests
{
    private async Task<JsonObject> Search(string query) => await Reader.GetObject("/api/v1/search?" + query);

    [Fact]
    public async Task An_English_only_search_that_finds_nothing_offers_the_Russian_statements_in_translation()
    {
        await SanctionsStatements.WriteAsync(Writer);

        // Of the seeds, only Lavrov's press conference mentions sanctions.
        var english = await Search("q=sanctions&lang=en");
        Assert.Equal(1, english["total"]!.GetValue<long>());
        var suggestion = english["languageSuggestion"]!;
        Assert.Equal("ru", suggestion["lang"].Str());
        Assert.Equal(SanctionsStatements.Count, suggestion["total"]!.GetValue<long>());
        Assert.Equal($"1 English statement matches; {SanctionsStatements.Count} Russian statements do, in translation.", suggestion["message"].Str());

        // Following it finds them, marked as found through translation, and offers nothing more.
        var russian = await Search("q=sanctions&lang=ru");
        Assert.Equal(SanctionsStatements.Count, russian["total"]!.GetValue<long>());
        Assert.All(russian["hits"].Objects(), h => Assert.Contains("translation", h["matchedBy"]!.AsArray().Select(v => v!.GetValue<string>())));
        Assert.Null(russian["languageSuggestion"]);
    }

    [Fact]
    public async Task Without_translation_a_search_is_offered_the_other_language_in_translation()
    {
        await SanctionsStatements.WriteAsync(Writer);

        var typed = await Search("q=sanctions&crossLanguage=false");
        Assert.Equal(1, typed["total"]!.GetValue<long>());
        Assert.Equal("ru", typed["languageSuggestion"]!["lang"].Str());
        Assert.StartsWith("1 statement matches the words as typed;", typed["languageSuggestion"]!["message"].Str());
    }

    [Fact]
    public async Task A_few_hits_in_both_languages_offer_nothing()
    {
        var few = await Search("q=" + Uri.EscapeDataString("совместное заявление") + "&lang=en");

        Assert.True(few["total"]!.GetValue<long>() >= 1);
        Assert.Null(few["languageSuggestion"]);
    }
}
