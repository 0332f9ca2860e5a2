using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Parsing;

public sealed class RecordParsingTests
{
    private readonly StatementFileReader _reader = new(new StatementParser(FixedClock.GoldenDay));

    [Fact]
    public void A_json_statement_file_is_parsed_and_completed()
    {
        var item = Assert.Single(_reader.ReadFileAsync(RepoPaths.TestsFolder("Fixtures/zakharova_briefing.json")).ToBlockingEnumerable());

        var statement = item.Statement!;
        Assert.Null(item.Error);
        Assert.Equal("mfa_briefing_2025_12_19", statement.Id);
        Assert.Equal(Languages.English, statement.Lang);
        Assert.Equal(new DateOnly(2025, 12, 19), statement.Date);
        Assert.Equal(DatePrecisions.Day, statement.DatePrecision);
        Assert.Equal(StatementKinds.Transcript, statement.Kind);
        Assert.Equal(2, statement.Paragraphs.Count);
        Assert.DoesNotContain("Share.", statement.Text);
    }

    [Fact]
    public void A_record_whose_only_date_is_a_bracketed_year_in_its_title_gets_that_year()
    {
        var un = RecordParser.Parse(new StatementRecord(
            Id: "ungdc_AFG_46_1991",
            Title: "Afghanistan – General Debate statement, UNGA session 46 (1991) – FAZL-UL-HAQ KHALIQYAR, Prime Minister",
            Text: "At the outset I wish to convey to Ambassador Shihabi my warmest congratulations.")).Statement!;
        Assert.Equal(new DateOnly(1991, 1, 1), un.Date);
        Assert.Equal(DatePrecisions.Year, un.DatePrecision);

        // A bare year names a plan or an anniversary, not the statement's date; a stated date wins.
        Assert.Null(RecordParser.Parse(new StatementRecord(Title: "Strategy 2030 adopted", Text: "The strategy was adopted.")).Statement!.Date);
        var dated = RecordParser.Parse(new StatementRecord(Title: "Session 46 (1991)", Date: "1991-09-24", Text: "Text.")).Statement!;
        Assert.Equal((new DateOnly(1991, 9, 24), DatePrecisions.Day), (dated.Date!.Value, dated.DatePrecision));
        Assert.Null(RecordParser.Parse(new StatementRecord(Title: "Two years (1991) and (1992)", Text: "Text.")).Statement!.Date);
    }

    [Fact]
    public void Json_lines_give_statements_and_numbered_errors()
    {
        var items = _reader.ReadFileAsync(RepoPaths.TestsFolder("Fixtures/statements.jsonl")).ToBlockingEnumerable().ToList();

        Assert.Equal(["fixture_en_1", "fixture_ru_1"], items.Where(i => i.Statement is not null).Select(i => i.Statement!.Id));
        var errors = items.Where(i => i.Error is not null).ToDictionary(i => i.Line!.Value, i => i.Error!);
        Assert.Equal([4, 5, 6, 7, 8], errors.Keys.Order());
        Assert.Contains("id must be", errors[4]);
        Assert.Contains("text is required", errors[5]);
        Assert.Contains("lang must be", errors[6]);
        Assert.Contains("date '2021-02-30'", errors[7]);
        Assert.Contains("not a JSON statement", errors[8]);
        Assert.DoesNotContain("System.", errors[8]);
        Assert.DoesNotContain("LineNumber", errors[8]);
    }

    [Fact]
    public void Missing_fields_are_derived_like_raw_text()
    {
        var result = RecordParser.Parse(new StatementRecord(Text: "Сергей Лавров провёл переговоры. Стороны обсудили ОДКБ."));

        var statement = result.Statement!;
        Assert.Equal(Languages.Russian, statement.Lang);
        Assert.Equal("Сергей Лавров провёл переговоры", statement.Title);
        Assert.Null(statement.Date);
        Assert.Null(statement.DatePrecision);
        Assert.Equal(StatementKinds.News, statement.Kind);
        Assert.Matches("^[0-9a-f]{16}$", statement.Id);
    }

    [Theory]
    [InlineData("https://www.mid.ru/x", "mid.ru")]
    [InlineData("https://t.me/MFARussia/1", "t.me")]
    public void Source_defaults_to_the_site_of_the_url(string url, string source) =>
        Assert.Equal(source, RecordParser.Parse(new StatementRecord(Url: url, Text: "Text.")).Statement!.Source);

    [Theory]
    [InlineData("ftp://example.org/x", "url must be")]
    [InlineData("not a url", "url must be")]
    public void Bad_urls_are_refused(string url, string error) =>
        Assert.Contains(error, RecordParser.Parse(new StatementRecord(Url: url, Text: "Text.")).Error);

    [Fact]
    public void Unknown_kinds_and_overlong_titles_are_refused()
    {
        Assert.Contains("kind must be", RecordParser.Parse(new StatementRecord(Kind: "tweet", Text: "x")).Error);
        Assert.Contains("title is longer", RecordParser.Parse(new StatementRecord(Title: new string('t', 1_001), Text: "x")).Error);
    }
}
