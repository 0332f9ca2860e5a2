using System.ServiceModel.Syndication;
using System.Xml;
using SearchApi.Contracts;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;

namespace SearchApi.Endpoints;

/// <summary>
/// GET /api/v1/search/feed.atom: every search as an Atom feed of its newest matching statements, so a feed reader or a
/// partner's poller is told of new ones (Aleph's alerts, without an account).
/// </summary>
public static class AtomFeedEndpoints
{
    public const string ContentType = "application/atom+xml";

    public static RouteHandlerBuilder MapAtomFeed(this RouteGroupBuilder search) => search.MapGet("/feed.atom", Feed)
        .WithName("SearchFeed")
        .WithSummary("A search as an Atom feed (subscribe to new matches)")
        .WithDescription(
            "The newest statements that match q and the filters (the same parameters as GET /api/v1/search), as an Atom " +
            "1.0 feed: one entry per statement with a stable id (urn:searchapi:statement:{id}), its title, date, source " +
            "and the first lines of its text, linking to the statement. Give its address to a feed reader to be told of " +
            "new statements that match. Answers carry an ETag that changes only when the index does: send If-None-Match " +
            "to get 304 Not Modified.")
        .Produces(StatusCodes.Status200OK, contentType: ContentType)
        .ProducesReadProblems();

    private static IResult Feed([AsParameters] AtomFeedParameters parameters, ReadSessions sessions, HttpContext http)
    {
        var request = ReadRequests.Query(parameters.ToInput());
        var limit = ReadRequests.FeedLimit(parameters.Limit);
        using var session = sessions.Open(request);
        if (IndexETags.NotModified(http, session)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var hits = session.Search(new SearchPage(SearchSort.DateDescending, limit, Snippets: new SnippetOptions(0, SnippetOptions.DefaultLength))).Hits;
        var self = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}");
        var feed = Build(request.Query, hits.Select(h => h.Statement).ToList(), self);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
            new Atom10FeedFormatter(feed).WriteTo(writer);
        return Results.Bytes(buffer.ToArray(), ContentType + "; charset=utf-8");
    }

    /// <summary>The feed of these statements, newest first, for the search at <paramref name="self"/>.</summary>
    public static SyndicationFeed Build(string query, IReadOnlyList<IndexedStatement> statements, Uri self)
    {
        var site = new Uri(self.GetLeftPart(UriPartial.Authority) + "/");
        var page = new Uri(site, "?" + self.Query.TrimStart('?'));
        // The query as typed may hold characters XML cannot (a pasted NUL): cleaned like every text in the feed.
        var title = query.Length == 0 ? "SearchApi: newest statements" : XmlText.Clean($"SearchApi: {query}");
        var feed = new SyndicationFeed(title, "Statements that match this search, newest first.", page)
        {
            Id = "urn:searchapi:search:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(self.PathAndQuery)))[..16],
            LastUpdatedTime = statements.Select(Updated).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max(),
            Generator = "SearchApi",
            Items = statements.Select(s => Entry(s, site)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(self, "self", title, AtomFeedEndpoints.ContentType, 0));
        return feed;
    }

    private static SyndicationItem Entry(IndexedStatement statement, Uri site)
    {
        var document = new Uri(site, "api/v1/documents/" + Uri.EscapeDataString(statement.Id));
        var item = new SyndicationItem(XmlText.Clean(statement.Title.Length > 0 ? statement.Title : statement.Id), XmlText.Clean(Summary(statement.Text)), document)
        {
            Id = "urn:searchapi:statement:" + statement.Id,
            LastUpdatedTime = Updated(statement),
            PublishDate = Updated(statement),
        };
        if (statement.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var original))
            item.Links.Add(new SyndicationLink(original, "via", "The statement at its source", "text/html", 0));
        if (statement.Source is { } source) item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(source) });
        item.Categories.Add(new SyndicationCategory(statement.Kind));
        item.Categories.Add(new SyndicationCategory("lang:" + statement.Lang));
        item.ElementExtensions.Add("lang", "urn:searchapi", statement.Lang);
        return item;
    }

    // A statement has a date (or none); the feed's times are that day, midnight UTC.
    private static DateTimeOffset Updated(IndexedStatement statement) =>
        statement.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;

    private const int SummaryLength = 400;

    private static string Summary(string text)
    {
        var firstParagraphs = text.Length <= SummaryLength ? text : text[..SummaryLength];
        // Never cut a surrogate pair in half.
        if (firstParagraphs.Length > 0 && char.IsHighSurrogate(firstParagraphs[^1])) firstParagraphs = firstParagraphs[..^1];
        return text.Length > firstParagraphs.Length ? firstParagraphs.TrimEnd() + " …" : firstParagraphs;
    }
}
