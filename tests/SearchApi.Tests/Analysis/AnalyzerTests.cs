using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Tests.Analysis;

/// <summary>The analysis chains pinned by the tokens they produce for real sentences from the seeds.</summary>
public sealed class AnalyzerTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = StatementAnalyzer.Create();

    private static List<string> Terms(string field, string text) =>
        StatementAnalyzer.Tokens(Analyzer, field, text).Select(t => t.Term).ToList();

    [Fact]
    public void English_removes_stop_words_and_possessives_and_stems()
    {
        Assert.Equal(
            ["ukrainian", "author", "refus", "open", "humanitarian", "corridor"],
            Terms(IndexFields.Text(Languages.English), "The Ukrainian authorities refused to open the humanitarian corridors"));
        Assert.Equal(["hi", "countri", "intern", "affair"], Terms(IndexFields.Text(Languages.English), "his country's internal affairs"));
    }

    [Theory]
    [InlineData("favourable conditions", "favorable conditions")]
    [InlineData("the programme of the organisation", "the program of the organization")]
    [InlineData("Defence centres", "defense centers")]
    [InlineData("they recognised it", "they recognized it")]
    public void British_and_American_spellings_are_one_term_in_stems_and_exact_forms(string british, string american)
    {
        Assert.Equal(Terms(IndexFields.Text(Languages.English), american), Terms(IndexFields.Text(Languages.English), british));
        Assert.Equal(Terms(IndexFields.Exact, american), Terms(IndexFields.Exact, british));
    }

    [Fact]
    public void Words_that_only_look_like_variants_keep_their_spelling()
    {
        Assert.Equal(["theme", "fence", "poets", "boeing", "four", "hour"], Terms(IndexFields.Exact, "theme fence poets Boeing four hour"));
    }

    [Fact]
    public void Latin_look_alikes_inside_Cyrillic_words_are_folded()
    {
        // «провeл» and «ещe» with a Latin e, as scraped text writes them.
        Assert.Equal(Terms(IndexFields.Text(Languages.Russian), "провел ещё"), Terms(IndexFields.Text(Languages.Russian), "провeл ещe"));
        Assert.Equal(["провел", "mask", "covid"], Terms(IndexFields.Exact, "провeл MASK covid"));
        var tokens = StatementAnalyzer.Tokens(Analyzer, IndexFields.Exact, "Он провeл");
        Assert.Equal("провeл", "Он провeл"[tokens[1].Start..tokens[1].End]);
    }

    [Fact]
    public void English_splits_initials_from_surnames()
    {
        Assert.Equal(["r", "kazakbayev", "s", "n", "zhaparov"], Terms(IndexFields.Text(Languages.English), "R.A.Kazakbayev and S.N.Zhaparov").Where(t => t != "a").ToList());
        var tokens = StatementAnalyzer.Tokens(Analyzer, IndexFields.Exact, "friend R.A.Kazakbayev.");
        var surname = tokens.Single(t => t.Term == "kazakbayev");
        Assert.Equal("Kazakbayev", "friend R.A.Kazakbayev."[surname.Start..surname.End]);
    }

    [Fact]
    public void Russian_removes_stop_words_and_stems_and_keys_names()
    {
        Assert.Equal(
            ["глав", "глав", "российск", "мид", "счита", "критическ", "момент", "преодол"],
            Terms(IndexFields.Text(Languages.Russian), "Глава российского МИД считает, что критический момент преодолен"));
        Assert.Equal(Terms(IndexFields.Text(Languages.Russian), "переговоры"), Terms(IndexFields.Text(Languages.Russian), "переговорах"));
    }

    [Theory]
    [InlineData("Лавров Лаврова Лаврову Лавровым Лаврове Лавровы Лавровых Лавровыми", "лавров")]
    [InlineData("Казакбаев Казакбаева Казакбаеву Казакбаевым", "казакбаев")]
    [InlineData("Жапаров Жапарова Жапаровым Жапаровой", "жапаров")]
    [InlineData("Захарова Захаровой Захарову", "захаров")]
    [InlineData("Горбачёв Горбачева Горбачёвым", "горбачев")]
    [InlineData("Зеленский Зеленского Зеленским", "зеленск")]
    public void Every_form_of_a_surname_in_a_text_shares_one_term(string forms, string term)
    {
        foreach (var form in forms.Split(' '))
            Assert.Contains(term, Terms(IndexFields.Text(Languages.Russian), $"Об этом сообщил {form} вчера"));
    }

    [Fact]
    public void Ordinary_lower_case_words_are_stemmed_as_before()
    {
        Assert.Equal(["переговор"], Terms(IndexFields.Text(Languages.Russian), "переговоров"));
        Assert.Equal(["мир"], Terms(IndexFields.Text(Languages.Russian), "мира"));
    }

    [Fact]
    public void Queries_treat_lower_case_words_as_possible_names()
    {
        var query = StatementAnalyzer.Create(AnalysisMode.Query);
        var terms = StatementAnalyzer.Tokens(query, IndexFields.Text(Languages.Russian), "лавровым").Select(t => t.Term).ToList();
        Assert.Contains("лавров", terms);
        Assert.Contains("лавров", Terms(IndexFields.Text(Languages.Russian), "Сергей Лавров"));
    }

    [Fact]
    public void Yo_and_ye_are_one_letter_in_index_and_queries()
    {
        Assert.Equal(Terms(IndexFields.Text(Languages.Russian), "ёлка"), Terms(IndexFields.Text(Languages.Russian), "елка"));
        Assert.Equal(["елка"], Terms(IndexFields.Exact, "Ёлка"));
        Assert.Equal(Terms(IndexFields.Exact, "Пётр"), Terms(IndexFields.Exact, "Петр"));
    }

    [Fact]
    public void Transliteration_keys_capitalised_names_only_when_indexing()
    {
        var terms = Terms(IndexFields.Translit, "Садыр Жапаров из Киргизии");
        Assert.Contains("japarov", terms);
        Assert.Contains("kirgizi", terms);
        Assert.DoesNotContain(terms, t => t.StartsWith("iz", StringComparison.Ordinal));
        Assert.Contains("japarov", Terms(IndexFields.Translit, "President S.N.Zhaparov's visit"));
        Assert.Empty(Terms(IndexFields.Translit, "the negotiations were friendly"));
        var query = StatementAnalyzer.Create(AnalysisMode.Query);
        Assert.Equal(["japarov"], StatementAnalyzer.Tokens(query, IndexFields.Translit, "japarov").Select(t => t.Term));
    }

    [Fact]
    public void Exact_field_keeps_every_word_unstemmed_in_lower_case()
    {
        Assert.Equal(
            ["the", "ukrainian", "authorities", "и", "киргизии"],
            Terms(IndexFields.Exact, "The Ukrainian authorities и Киргизии"));
        Assert.Equal(["лавровым"], Terms(IndexFields.Exact, "Лавровым"));
    }

    [Fact]
    public void Offsets_point_at_the_words_in_the_source_text()
    {
        const string text = "Лавров заявил, что Россия рассматривает возможность";
        foreach (var token in StatementAnalyzer.Tokens(Analyzer, IndexFields.Text(Languages.Russian), text))
            Assert.StartsWith(token.Term[..3], text[token.Start..token.End].ToLowerInvariant());
    }

    [Fact]
    public void Styled_letters_are_searched_as_plain_ones_and_offsets_mark_the_styled_text()
    {
        const string text = "Minister 𝐋𝐚𝐯𝐫𝐨𝐯 met 𝔘𝔫𝔦 Ｌａｖｒｏｖ 🇷🇺 and Lavrov𝔘";
        var tokens = StatementAnalyzer.Tokens(Analyzer, IndexFields.Exact, text);
        Assert.Equal(["minister", "lavrov", "met", "uni", "lavrov", "and", "lavrovu"], tokens.Select(t => t.Term));
        Assert.Equal("𝐋𝐚𝐯𝐫𝐨𝐯", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal("Ｌａｖｒｏｖ", text[tokens[4].Start..tokens[4].End]);
        Assert.Equal("Lavrov𝔘", text[tokens[6].Start..tokens[6].End]);
        Assert.Contains("lavrov", Terms(IndexFields.Translit, "𝐋𝐚𝐯𝐫𝐨𝐯"));
    }
}
