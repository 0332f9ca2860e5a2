using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Every search as an Atom feed: the format, the order, stable entry ids, HTTP caching, and new statements appearing.</summary>
public sealed class AtomFeedTests(SearchApiFactory factory) : IClassFixture<SearchApiFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(HttpResponseMessage Response, XDocument Feed)> Get(string query)
    {
        var response = await _client.GetAsync("/api/v1/search/feed.atom" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_search_is_a_valid_Atom_feed_of_its_newest_statements()
    {
        var (response, document) = await Get("?q=Kyrgyzstan");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        // Atom 1.0 as System.ServiceModel.Syndication reads it: required elements present and well-formed.
        using var reader = XmlReader.Create(new StringReader(document.ToString()));
        var feed = SyndicationFeed.Load(reader);
        Assert.StartsWith("urn:searchapi:search:", feed.Id);
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.PathAndQuery == "/api/v1/search/feed.atom?q=Kyrgyzstan");
        var entries = feed.Items.ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e =>
        {
            Assert.StartsWith("urn:searchapi:statement:", e.Id);
            Assert.False(string.IsNullOrWhiteSpace(e.Title.Text));
            Assert.Contains(e.Links, l => l.Uri.AbsolutePath.StartsWith("/api/v1/documents/", StringComparison.Ordinal));
        });
        var dates = entries.Select(e => e.LastUpdatedTime).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.Equal(dates.Max(), feed.LastUpdatedTime);
        Assert.NotNull(document.Root!.Element(Atom + "updated"));
    }

    [Fact]
    public async Task Entry_ids_are_stable_and_the_feed_is_not_sent_again_until_the_index_changes()
    {
        var (first, feed) = await Get("?q=Japarov");
        var (_, again) = await Get("?q=Japarov");
        Assert.Equal(Ids(feed), Ids(again));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search/feed.atom?q=Japarov");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(first.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task A_new_matching_statement_appears_at_the_top()
    {
        var writer = factory.CreateWriter();
        var id = "feed-" + Guid.NewGuid().ToString("N")[..8];
        var body = $$"""{"id":"{{id}}","lang":"en","title":"Zanzibar quarterly consultations","date":"2099-01-01","text":"Zanzibar consultations on grain corridors were held."}""";
        (await writer.PostAsync("/api/v1/documents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var (_, feed) = await Get("?q=Zanzibar&limit=5");
        Assert.Equal("urn:searchapi:statement:" + id, Ids(feed).First());
    }

    [Fact]
    public async Task A_query_with_characters_XML_cannot_hold_still_gives_a_valid_feed()
    {
        var (_, feed) = await Get("?q=" + Uri.EscapeDataString("Kyrgyzstan\u0000\u0001\uFFFE"));
        Assert.StartsWith("SearchApi: Kyrgyzstan", feed.Root!.Element(Atom + "title")!.Value);
    }

    [Theory]
    [InlineData("?limit=0", "invalid_limit")]
    [InlineData("?limit=101", "invalid_limit")]
    [InlineData("?lang=kz", "invalid_lang")]
    [InlineData("?q=%22unclosed&strict=true", "query_syntax")]
    public async Task Bad_parameters_are_problems(string query, string code) =>
        await (await _client.GetAsync("/api/v1/search/feed.atom" + query)).AssertProblem(400, code);

    private static List<string> Ids(XDocument feed) => feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
}
