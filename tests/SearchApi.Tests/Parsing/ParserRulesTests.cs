using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Parsing;

public sealed class ParserRulesTests
{
    private readonly StatementParser _parser = new(FixedClock.GoldenDay);

    [Theory]
    [InlineData("Сергей Лавров провёл переговоры в Москве.", "ru")]
    [InlineData("Sergey Lavrov held talks in Moscow.", "en")]
    [InlineData("09:53, 17 января 2022, Bishkek - 24.kg news agency. The Kyrgyz Republic will continue its foreign policy.", "en")]
    public void Language_is_decided_by_the_script_most_letters_are_in(string text, string lang) =>
        Assert.Equal(lang, LanguageDetector.Detect(text));

    [Fact]
    public void Titles_derived_from_long_sentences_are_cut_on_a_word_boundary()
    {
        var title = Titles.FromText(
            "Kyrgyz President Sadr Japarov called on the United States and other countries not to interfere in his country's internal affairs, and to evaluate the ongoing operations there objectively.");
        Assert.True(title.Length <= Titles.MaxLength);
        Assert.EndsWith("country's…", title);
    }

    [Fact]
    public void Short_first_sentences_become_the_title_without_the_full_stop()
    {
        Assert.Equal("Sergey Lavrov met V.A. Zelensky's envoy", Titles.FromText("Sergey Lavrov met V.A. Zelensky's envoy. They talked."));
    }

    [Fact]
    public void A_file_with_several_stories_is_split_at_headlines_and_a_stray_headline_is_dropped()
    {
        var raw = string.Join("\n",
            "Sergey Lavrov met his Kyrgyz colleague in Moscow on Monday.",
            "They discussed the Eurasian Economic Union.",
            "Armenia and Azerbaijan resume border talks in Brussels",
            "Armenia and Azerbaijan resumed talks on the border in Brussels on Tuesday.",
            "Unrelated headline about weather in the Alps today",
            "The negotiators agreed to meet again next month.");

        var statements = _parser.ParseText(raw);

        Assert.Equal(2, statements.Count);
        Assert.Equal("Sergey Lavrov met his Kyrgyz colleague in Moscow on Monday", statements[0].Title);
        Assert.Equal(2, statements[0].Paragraphs.Count);
        Assert.Equal("Armenia and Azerbaijan resume border talks in Brussels", statements[1].Title);
        Assert.Equal(
            ["Armenia and Azerbaijan resumed talks on the border in Brussels on Tuesday.", "The negotiators agreed to meet again next month."],
            statements[1].Paragraphs);
    }

    [Fact]
    public void Furniture_and_the_source_line_leave_the_text_and_the_url_becomes_metadata()
    {
        var raw = "Statement by the Ministry of Foreign Affairs on the situation in Karabakh\n\nGoogle+ Pinterest LinkedIn Tumblr +\n\nThe Ministry is concerned.\n\nSource: https://www.mid.ru/ru/foreign_policy/news/1/\n\nShare.\n\nLeave A Reply";

        var statement = Assert.Single(_parser.ParseText(raw));

        Assert.Equal(["The Ministry is concerned."], statement.Paragraphs);
        Assert.Equal("https://www.mid.ru/ru/foreign_policy/news/1/", statement.Url);
        Assert.Equal("mid.ru", statement.Source);
        Assert.Equal(StatementKinds.Statement, statement.Kind);
    }

    [Theory]
    [InlineData("Joint statement of the foreign ministers of Russia and China", StatementKinds.JointStatement)]
    [InlineData("Совместное заявление министров иностранных дел", StatementKinds.JointStatement)]
    [InlineData("Interview of Sergey Lavrov to the Izvestia newspaper", StatementKinds.Transcript)]
    [InlineData("Выступление и ответы на вопросы СМИ Министра иностранных дел", StatementKinds.Transcript)]
    [InlineData("Comment by the Information and Press Department", StatementKinds.Statement)]
    [InlineData("Заявление МИД России", StatementKinds.Statement)]
    [InlineData("Russia and Azerbaijan agree on the dates for negotiations", StatementKinds.News)]
    public void Kind_follows_the_title(string title, string kind) =>
        Assert.Equal(kind, KindClassifier.Classify(title, ["Some text."]));

    [Fact]
    public void Questions_and_answers_make_a_transcript()
    {
        Assert.Equal(StatementKinds.Transcript, KindClassifier.Classify(
            "Sergey Lavrov in Bishkek", ["Opening words.", "Question: First?", "Sergey Lavrov: Yes.", "Question: Second?"]));
    }

    [Fact]
    public void The_same_text_gets_the_same_id_and_different_texts_different_ids()
    {
        var a = _parser.ParseText("Lavrov met Kazakbayev in Moscow.")[0].Id;
        var b = new StatementParser(TimeProvider.System).ParseText("Lavrov met Kazakbayev in Moscow.")[0].Id;
        var c = _parser.ParseText("Lavrov met Kazakbayev in Bishkek.")[0].Id;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{16}$", a);
    }

    [Theory]
    [InlineData("Google+ Pinterest LinkedIn Tumblr +", true)]
    [InlineData("Facebook Twitter X Telegram", true)]
    [InlineData("xx", false)]
    [InlineData("XXX century", false)]
    [InlineData("Twitter", false)]
    public void Share_bars_are_furniture_but_words_are_not(string line, bool furniture) =>
        Assert.Equal(furniture, PageFurniture.IsFurniture(line));

    [Fact]
    public void Empty_or_furniture_only_text_gives_no_statement()
    {
        Assert.Empty(_parser.ParseText(""));
        Assert.Empty(_parser.ParseText("\n\nShare.\n\nLeave A Reply\n"));
    }
}
