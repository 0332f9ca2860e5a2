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

    [Fact]
    public void English_splits_initials_from_surnames()
    {
        Assert.Equal(["r", "kazakbayev", "s", "n", "zhaparov"], Terms(IndexFields.Text(Languages.English), "R.A.Kazakbayev and S.N.Zhaparov").Where(t => t != "a").ToList());
        var tokens = StatementAnalyzer.Tokens(Analyzer, IndexFields.Exact, "friend R.A.Kazakbayev.");
        var surname = tokens.Single(t => t.Term == "kazakbayev");
        Assert.Equal("Kazakbayev", "friend R.A.Kazakbayev."[surname.Start..surname.End]);
    }

    [Fact]
    public void Russian_removes_stop_words_and_stems()
    {
        Assert.Equal(
            ["глав", "российск", "мид", "счита", "критическ", "момент", "преодол"],
            Terms(IndexFields.Text(Languages.Russian), "Глава российского МИД считает, что критический момент преодолен"));
        Assert.Equal(Terms(IndexFields.Text(Languages.Russian), "переговоры"), Terms(IndexFields.Text(Languages.Russian), "переговорах"));
    }

    [Fact]
    public void Exact_field_keeps_every_word_unstemmed_in_lower_case()
    {
        Assert.Equal(
            ["the", "ukrainian", "authorities", "и", "киргизии"],
            Terms(IndexFields.Exact, "The Ukrainian authorities и Киргизии"));
    }

    [Fact]
    public void Offsets_point_at_the_words_in_the_source_text()
    {
        const string text = "Лавров заявил, что Россия рассматривает возможность";
        foreach (var token in StatementAnalyzer.Tokens(Analyzer, IndexFields.Text(Languages.Russian), text))
            Assert.StartsWith(token.Term[..3], text[token.Start..token.End].ToLowerInvariant());
    }
}
