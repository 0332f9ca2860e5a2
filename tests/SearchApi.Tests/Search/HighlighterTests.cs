using SearchApi.Core.Entities;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Search;

/// <summary>
/// Highlighting from the postings' offsets (<see cref="PostingMatches"/>) and passages cut around the matches
/// (<see cref="Highlighter"/>), on a real index.
/// </summary>
public sealed class HighlighterTests : IndexTestBase
{
    private static List<string> Marked(Snippet snippet) => snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList();

    private static List<string> MarkedTitle(SearchHit hit) => hit.TitleHighlights.Select(h => hit.Statement.Title.Substring(h.Start, h.Length)).ToList();

    [Fact]
    public async Task Every_kind_of_match_is_marked_where_the_index_matched_it()
    {
        await Ingest(
            TestStatements.Make("stem", "Humanitarian corridors were opened. The corridor stays open.", title: "Corridors agreed"),
            TestStatements.Make("ru", "Министр Лавров встретился с Жапаровым. Стороны обсудили ОДКБ.", Languages.Russian, title: "Встреча в Москве"),
            TestStatements.Make("prefix", "Sanctioned goods and sanctions lists were discussed."));

        var stem = Assert.Single(Search("corridor").Hits);
        Assert.Equal(["Corridors"], MarkedTitle(stem));
        Assert.Equal(["corridors", "corridor"], stem.Snippets.SelectMany(Marked));

        var translit = Assert.Single(Search("Japarov").Hits);
        Assert.Contains("Жапаровым", translit.Snippets.SelectMany(Marked));

        var prefix = Assert.Single(Search("sanction*").Hits);
        Assert.Equal(["Sanctioned", "sanctions"], prefix.Snippets.SelectMany(Marked));
    }

    [Fact]
    public async Task An_entity_named_in_the_other_language_is_marked_through_its_linked_mention()
    {
        var statement = TestStatements.Make("csto", "Стороны обсудили работу ОДКБ в Бишкеке.", Languages.Russian);
        await Ingest(statement with { Entities = new EntityLinker(Gazetteer.Embedded).Link(statement.Title, statement.Text) });

        var hit = Assert.Single(Search("CSTO").Hits);
        Assert.Contains("ОДКБ", hit.Snippets.SelectMany(Marked));
    }

    [Fact]
    public async Task Hits_in_several_segments_are_highlighted_each_from_its_own_segment()
    {
        await Ingest(TestStatements.Make("first", "Talks on the grain deal resumed."));
        await Ingest(TestStatements.Make("second", "The grain deal expired. Grain prices rose."));
        Assert.True(_index.SegmentCount >= 2);

        var hits = Search("grain").Hits.ToDictionary(h => h.Statement.Id);
        Assert.Equal(["grain"], hits["first"].Snippets.SelectMany(Marked));
        Assert.Equal(["grain", "Grain"], hits["second"].Snippets.SelectMany(Marked));

        _sync.MergeNow();
        Assert.Equal(1, _index.SegmentCount);
        Assert.Equal(["grain", "Grain"], Search("grain").Hits.Single(h => h.Statement.Id == "second").Snippets.SelectMany(Marked));
    }

    [Fact]
    public void Passages_are_whole_sentences_ranked_by_distinct_words_and_returned_in_text_order()
    {
        const string text = "Nothing here. The sanctions were lifted.\nOther news.\nSanctions and tariffs on grain: the sanctions stay. The end.";
        Match At(string word, int from, string term)
        {
            var start = text.IndexOf(word, from, StringComparison.Ordinal);
            return new Match(start, start + word.Length, term);
        }
        List<Match> matches =
        [
            At("sanctions", 0, "sanction"),
            At("Sanctions", 0, "sanction"),
            At("tariffs", 0, "tariff"),
            At("sanctions", text.IndexOf("grain", StringComparison.Ordinal), "sanction"),
        ];

        var snippets = Highlighter.Snippets(text, matches, new SnippetOptions(2, 200));

        Assert.Equal(["The sanctions were lifted.", "Sanctions and tariffs on grain: the sanctions stay."], snippets.Select(s => s.Text));
        Assert.Equal(["Sanctions", "tariffs", "sanctions"], Marked(snippets[1]));
        Assert.Equal("Sanctions and tariffs on grain: the sanctions stay.", Assert.Single(Highlighter.Snippets(text, matches, new SnippetOptions(1, 200))).Text);
    }

    [Fact]
    public void Without_matches_the_opening_sentence_is_the_snippet_and_zero_snippets_means_none()
    {
        const string text = "First sentence here. Second one.";

        Assert.Equal("First sentence here.", Assert.Single(Highlighter.Snippets(text, [], SnippetOptions.Default)).Text);
        Assert.Empty(Highlighter.Snippets(text, [new Match(0, 5, "first")], new SnippetOptions(0, 200)));
    }

    [Fact]
    public async Task Without_snippets_the_text_is_not_read_but_titles_are_still_marked()
    {
        await Ingest(TestStatements.Make("a", "Talks on the grain deal resumed.", title: "Grain deal"));

        var hit = Assert.Single(Search("grain", new SearchPage(SearchSort.Relevance, 10, Snippets: new SnippetOptions(0, 200))).Hits);
        Assert.Empty(hit.Snippets);
        Assert.Equal("", hit.Statement.Text);
        Assert.Equal(["Grain"], MarkedTitle(hit));
    }
}
