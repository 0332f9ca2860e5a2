using SearchApi.Core.Parsing;

namespace SearchApi.Tests.Parsing;

public sealed class DateParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Theory]
    [InlineData("Wednesday, April 24", 2024, "2024-04-24")]  // latest Wednesday 24 April not before 2024
    [InlineData("Wednesday, April 24", null, "2024-04-24")]
    [InlineData("Wednesday, April 24", 2019, "2024-04-24")]
    [InlineData("Sunday, October 6", 2022, "2024-10-06")]
    [InlineData("Sunday, October 6", 2015, "2024-10-06")]
    [InlineData("Friday, April 24", null, "2026-04-24")]     // this year, already past
    [InlineData("Tuesday, December 1", null, "2020-12-01")]  // 1 December 2026 is after today and a Tuesday; 2020 is the latest before
    [InlineData("Среда, 24 апреля", 2024, "2024-04-24")]
    public void Weekday_lines_take_the_latest_matching_year_not_after_today_and_not_before_the_text(string line, int? floor, string expected)
    {
        var mention = DateParser.ParseDateLine(line);
        Assert.NotNull(mention);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.Resolve(mention, floor, Today));
    }

    [Fact]
    public void A_floor_no_matching_year_can_meet_falls_back_to_the_latest_matching_year()
    {
        var mention = DateParser.ParseDateLine("Wednesday, April 24")!;
        Assert.Equal(new DateOnly(2024, 4, 24), DateParser.Resolve(mention, 2026, Today));
    }

    [Theory]
    [InlineData("23 октября", 2020, "2020-10-23")]
    [InlineData("23 октября", null, "2026-10-23")]
    [InlineData("December 5", null, "2025-12-05")]            // not after today
    [InlineData("17 января 2022", null, "2022-01-17")]
    [InlineData("April 24, 2022", 1999, "2022-04-24")]
    [InlineData("3-5 March 2022", null, "2022-03-03")]
    public void Dates_without_a_weekday_use_their_year_or_the_latest_year_mentioned(string text, int? floor, string expected)
    {
        var mention = Assert.Single(DateParser.FindMentions(text));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateParser.Resolve(mention, floor, Today));
    }

    [Theory]
    [InlineData("this mood may change today")]
    [InlineData("The anniversary of the 30th session")]
    [InlineData("Article 31 of the Charter")]
    [InlineData("February 30, 2022")]
    public void Text_without_a_real_date_yields_none(string text)
    {
        Assert.All(DateParser.FindMentions(text), m => Assert.Null(DateParser.Resolve(m, null, Today)));
    }

    [Fact]
    public void Finds_dates_in_russian_running_text_in_order()
    {
        var mentions = DateParser.FindMentions("Казакбаев встретился 23 октября, а 15 октября 2020 года был назначен.").ToList();
        Assert.Equal(2, mentions.Count);
        Assert.Equal((23, 10, (int?)null), (mentions[0].Day, mentions[0].Month, mentions[0].Year));
        Assert.Equal((15, 10, (int?)2020), (mentions[1].Day, mentions[1].Month, mentions[1].Year));
    }

    [Fact]
    public void Latest_year_mentioned_ignores_years_after_the_cap()
    {
        Assert.Equal(2024, DateParser.LatestYearMentioned("for 2022-2024, and in 2015", 2026));
        Assert.Equal(2020, DateParser.LatestYearMentioned("until 2030; since 2020", 2026));
        Assert.Null(DateParser.LatestYearMentioned("$100 млн, 10-летний срок", 2026));
    }

    [Fact]
    public void Parses_a_news_agency_dateline()
    {
        var dateline = DateParser.ParseDateline("09:53, 17 января 2022, Bishkek - 24.kg news agency , Baktygul OSMONALIEVA");

        Assert.NotNull(dateline);
        Assert.Equal((17, 1, (int?)2022), (dateline.Date.Day, dateline.Date.Month, dateline.Date.Year));
        Assert.Equal("Bishkek", dateline.Place);
        Assert.Equal("24.kg", dateline.Agency);
        Assert.Equal("Baktygul OSMONALIEVA", dateline.Author);
    }

    [Theory]
    [InlineData("Kyrgyz President Sadr Japarov called on the United States.")]
    [InlineData("Wednesday, April 24 was a good day")]
    public void Ordinary_sentences_are_not_date_lines(string line)
    {
        Assert.Null(DateParser.ParseDateLine(line));
        Assert.Null(DateParser.ParseDateline(line));
    }
}
