using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Statements;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// One request, one snapshot: the parts of an answer agree with each other and with the pages before them, however
/// many writes land between the requests — facets on page N are page 1's, an export is the cursor walk in its order,
/// and a later page's ETag names the snapshot it reads.
/// </summary>
public sealed class ReadSessionTests : OwnServiceTests
{
    private static readonly string[] Filler = ["the", "ministers", "discussed", "regional", "security", "and", "trade", "at", "length", "with", "partners"];

    /// <summary>
    /// Statements about grain and a corridor with the two words at varying distances (so the proximity bonus reorders
    /// the best hits), in both languages' sources, on varying dates.
    /// </summary>
    private static Statement Make(int n, string? marker = null)
    {
        var random = new Random(n);
        var gap = string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => Filler[random.Next(Filler.Length)]));
        var text = $"Statement {n}: grain {gap} corridor. {string.Join(' ', Enumerable.Range(0, random.Next(5, 40)).Select(_ => Filler[random.Next(Filler.Length)]))}. {marker}";
        return new Statement($"rs-{n:00000}", Languages.English, $"Grain update {n % 7}", new DateOnly(2020, 1, 1).AddDays(n % 700), DatePrecisions.Day,
            n % 2 == 0 ? "mid.ru" : "kremlin.ru", null, StatementKinds.News, null, Statement.SplitParagraphs(text));
    }

    private Task Write(int from, int count, string? marker = null) =>
        Factory.Services.GetRequiredService<IngestionService>().IngestAsync(Enumerable.Range(from, count).Select(n => Make(n, marker)).ToList());

    [Fact]
    public async Task Facets_on_a_later_page_are_those_of_the_first_page_while_writes_go_on()
    {
        await Write(0, 300);
        var first = await Reader.GetObject("/api/v1/search?q=grain%20corridor&limit=20&facet=source&facet=timeline&interval=year");
        var cursor = first["nextCursor"].Str();

        // Writes that would change every count: more statements from one source, in another year.
        await Write(10_000, 150);
        var now = await Reader.GetObject("/api/v1/search?q=grain%20corridor&limit=20&facet=source");
        Assert.NotEqual(first["total"]!.GetValue<long>(), now["total"]!.GetValue<long>());

        var second = await Reader.GetObject($"/api/v1/search?q=grain%20corridor&limit=20&facet=source&facet=timeline&interval=year&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(first["total"]!.GetValue<long>(), second["total"]!.GetValue<long>());
        Assert.Equal(first["facets"]!.ToJsonString(), second["facets"]!.ToJsonString());
    }

    [Fact]
    public async Task An_export_from_a_cursor_is_exactly_the_rest_of_the_cursor_walk_in_its_order_while_writes_go_on()
    {
        await Write(0, 3_000);
        const string query = "/api/v1/search?q=grain%20corridor&limit=100&snippets=0";
        var first = await Reader.GetObject(query);
        var cursor = first["nextCursor"].Str();

        var writes = Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++) await Write(20_000 + batch * 50, 50);
        });
        var walk = new List<string>();
        for (var next = cursor; next is not null;)
        {
            var page = await Reader.GetObject($"{query}&cursor={Uri.EscapeDataString(next)}");
            walk.AddRange(page["hits"].Objects().Select(h => h["id"].Str()));
            next = page["nextCursor"].StrOrNull();
            Assert.True(walk.Count <= 3_000, "the walk went past the statements of its snapshot");
        }
        var export = await Reader.GetStringAsync($"/api/v1/search/export?q=grain%20corridor&cursor={Uri.EscapeDataString(cursor)}");
        await writes;

        var exported = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(l => JsonNode.Parse(l)!["id"].Str()).ToList();
        Assert.Equal(2_900, walk.Count);
        Assert.Equal(walk, exported);
    }

    [Fact]
    public async Task An_export_without_a_cursor_is_the_whole_walk_from_the_first_page()
    {
        await Write(0, 1_200);
        var walk = new List<string>();
        for (string? next = null; ;)
        {
            var page = await Reader.GetObject("/api/v1/search?q=grain%20corridor&limit=100&snippets=0" + (next is null ? "" : "&cursor=" + Uri.EscapeDataString(next)));
            walk.AddRange(page["hits"].Objects().Select(h => h["id"].Str()));
            if ((next = page["nextCursor"].StrOrNull()) is null) break;
        }
        var export = await Reader.GetStringAsync("/api/v1/search/export?q=grain%20corridor");
        Assert.Equal(walk, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(l => JsonNode.Parse(l)!["id"].Str()));
    }

    [Fact]
    public async Task A_later_page_keeps_its_ETag_while_its_snapshot_lives_and_the_first_page_changes_with_every_write()
    {
        await Write(0, 60);
        var first = await Reader.GetAsync("/api/v1/search?q=grain&limit=10");
        var cursor = (await first.ReadObject())["nextCursor"].Str();
        var later = await Reader.GetAsync($"/api/v1/search?q=grain&limit=10&cursor={Uri.EscapeDataString(cursor)}");
        var laterTag = later.Headers.ETag!;

        await Write(500, 5);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q=grain&limit=10&cursor={Uri.EscapeDataString(cursor)}");
        again.Headers.IfNoneMatch.Add(laterTag);
        Assert.Equal(HttpStatusCode.NotModified, (await Reader.SendAsync(again)).StatusCode);
        using var fresh = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=grain&limit=10");
        fresh.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await Reader.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task An_export_cursor_for_another_search_is_refused_before_anything_is_streamed()
    {
        await Write(0, 30);
        var cursor = (await Reader.GetObject("/api/v1/search?q=grain&limit=10"))["nextCursor"].Str();
        await (await Reader.GetAsync($"/api/v1/search/export?q=corridor&cursor={Uri.EscapeDataString(cursor)}")).AssertProblem(400, "cursor_mismatch");
    }
}
