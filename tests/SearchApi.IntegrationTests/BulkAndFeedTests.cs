using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>Bulk uploads, the partner feed and mirroring, on a service of their own per test.</summary>
public class BulkAndFeedTests : OwnServiceTests
{
    protected override void Configure(SearchApiFactory factory) =>
        factory.Settings["SearchApi:MaxBulkLineBytes"] = "2048";

    private async Task<List<JsonObject>> Bulk(string body, string mediaType = "application/x-ndjson", bool gzip = false)
    {
        HttpContent content;
        if (gzip)
        {
            using var buffer = new MemoryStream();
            await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) await zip.WriteAsync(Encoding.UTF8.GetBytes(body));
            content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentEncoding.Add("gzip");
        }
        else content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        var response = await Writer.PostAsync("/api/v1/documents/bulk", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    [Fact]
    public async Task Bulk_lines_are_answered_in_order_accepted_or_rejected_with_the_reason()
    {
        var body = Corpus.Line(1) + "\n" +
                   "{\"id\":\"broken\"\n" +
                   "\n" +
                   """{"id":"no-text","lang":"en"}""" + "\n" +
                   Corpus.Line(2) + "\n" +
                   """{"id":"gen-00001","lang":"en","text":"Updated in the same upload."}""" + "\n" +
                   "{\"text\":\"" + new string('x', 3_000) + "\"}\n" +
                   Corpus.Line(3);
        var lines = await Bulk(body);

        var results = lines.Where(l => l.ContainsKey("line")).ToList();
        Assert.Equal([1, 2, 4, 5, 6, 7, 8], results.Select(l => l["line"]!.GetValue<int>()));
        Assert.Equal(["accepted", "rejected", "rejected", "accepted", "accepted", "rejected", "accepted"], results.Select(l => l["status"].Str()));
        Assert.Contains("not a JSON statement", results[1]["error"].Str());
        Assert.Equal("invalid_json", results[1]["code"].Str());
        Assert.Contains("text is required", results[2]["error"].Str());
        Assert.Equal("updated", results[4]["outcome"].Str());
        Assert.Contains("longer than 2,048 bytes", results[5]["error"].Str());
        var summary = lines[^1]["summary"]!;
        Assert.Equal(8, summary["lines"]!.GetValue<int>());
        Assert.Equal(4, summary["accepted"]!.GetValue<int>());
        Assert.Equal(3, summary["rejected"]!.GetValue<int>());

        Assert.Equal("Updated in the same upload.", (await Reader.GetObject("/api/v1/documents/gen-00001"))["text"].Str());
        Assert.Single((await Reader.GetObject($"/api/v1/search?q={Corpus.Token(3)}"))["hits"]!.AsArray());
    }

    [Fact]
    public async Task A_large_gzipped_upload_streams_through_in_batches()
    {
        var lines = await Bulk(Corpus.Lines(100, 2_500), gzip: true);
        Assert.Equal(2_500, lines[^1]["summary"]!["accepted"]!.GetValue<int>());
        Assert.Equal(2_507, (await Reader.GetObject("/health/ready"))["documents"]!.GetValue<long>());
        Assert.Single((await Reader.GetObject($"/api/v1/search?q={Corpus.Token(2_599)}"))["hits"]!.AsArray());
    }

    [Fact]
    public async Task Bulk_uploads_need_json_lines_and_a_key()
    {
        var response = await Writer.PostAsync("/api/v1/documents/bulk", new StringContent(Corpus.Line(1), Encoding.UTF8, "application/json"));
        await response.AssertProblem(415, "unsupported_media_type");
        var anonymous = await Reader.PostAsync("/api/v1/documents/bulk", new StringContent(Corpus.Line(1), Encoding.UTF8, "application/x-ndjson"));
        await anonymous.AssertProblem(401, "missing_api_key");
    }

    [Fact]
    public async Task A_mirror_built_from_the_feed_equals_the_store_across_updates_and_deletes()
    {
        await Bulk(Corpus.Lines(0, 250));
        var mirror = new Dictionary<string, string>();
        var cursor = await Walk(mirror, null, limit: 40);
        Assert.Equal(257, mirror.Count);

        // Later: an update, a delete, a new statement and an unchanged re-upload.
        await Writer.PutAsync("/api/v1/documents/gen-00007", new StringContent("""{"lang":"en","text":"Changed later."}""", Encoding.UTF8, "application/json"));
        await Writer.DeleteAsync("/api/v1/documents/gen-00008");
        await Writer.DeleteAsync($"/api/v1/documents/{SeedIds.Japarov}");
        await Bulk(Corpus.Line(900) + "\n" + Corpus.Line(10));
        var changes = new List<string>();
        cursor = await Walk(mirror, cursor, limit: 2, changes);

        Assert.Equal(["gen-00007", "gen-00008", SeedIds.Japarov, "gen-00900"], changes);
        Assert.Equal("Changed later.", mirror["gen-00007"]);
        Assert.False(mirror.ContainsKey("gen-00008"));
        Assert.Equal(256, mirror.Count);

        // Nothing new: the stored cursor gives nothing and stays where it is.
        var idle = await Reader.GetObject("/api/v1/documents?cursor=" + Uri.EscapeDataString(cursor));
        Assert.Empty(idle["items"]!.AsArray());
        Assert.False(idle["hasMore"]!.GetValue<bool>());
        Assert.Equal(cursor, idle["nextCursor"].Str());
    }

    [Fact]
    public async Task Tombstones_carry_only_the_id_sequence_and_time()
    {
        await Writer.DeleteAsync($"/api/v1/documents/{SeedIds.NationalProgram}");
        var page = await Reader.GetObject("/api/v1/documents?limit=1000");
        var tombstone = page["items"].Objects().Single(i => i["id"].Str() == SeedIds.NationalProgram);
        Assert.True(tombstone["deleted"]!.GetValue<bool>());
        Assert.False(tombstone.ContainsKey("statement"));
        Assert.True(tombstone["seq"]!.GetValue<long>() > 7);
    }

    [Fact]
    public async Task Changed_since_starts_a_walk_at_a_time()
    {
        var mark = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await Bulk(Corpus.Lines(500, 3));
        var page = await Reader.GetObject("/api/v1/documents?changedSince=" + Uri.EscapeDataString(mark.ToString("O")));
        Assert.Equal(["gen-00500", "gen-00501", "gen-00502"], page["items"].Objects().Select(i => i["id"].Str()));

        var later = await Reader.GetObject("/api/v1/documents?changedSince=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O")));
        Assert.Empty(later["items"]!.AsArray());
        var next = await Reader.GetObject("/api/v1/documents?cursor=" + Uri.EscapeDataString(later["nextCursor"].Str()));
        Assert.Empty(next["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/documents?limit=0", 400, "invalid_limit")]
    [InlineData("/api/v1/documents?limit=1001", 400, "invalid_limit")]
    [InlineData("/api/v1/documents?cursor=abc", 400, "invalid_cursor")]
    [InlineData("/api/v1/documents?changedSince=yesterday", 400, "invalid_parameter")]
    public async Task Bad_feed_parameters_are_problems(string url, int status, string code) =>
        await (await Reader.GetAsync(url)).AssertProblem(status, code);

    [Fact]
    public async Task A_cursor_and_changed_since_together_are_refused()
    {
        var cursor = (await Reader.GetObject("/api/v1/documents?limit=1"))["nextCursor"].Str();
        await (await Reader.GetAsync($"/api/v1/documents?cursor={Uri.EscapeDataString(cursor)}&changedSince=2026-01-01T00:00:00Z")).AssertProblem(400, "invalid_parameter");
    }

    private async Task<string> Walk(Dictionary<string, string> mirror, string? cursor, int limit, List<string>? seen = null)
    {
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "the feed did not end within 10,000 pages");
            var page = await Reader.GetObject($"/api/v1/documents?limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            foreach (var item in page["items"].Objects())
            {
                var id = item["id"].Str();
                seen?.Add(id);
                if (item["deleted"]!.GetValue<bool>()) mirror.Remove(id);
                else mirror[id] = item["statement"]!["text"].Str();
            }
            cursor = page["nextCursor"].Str();
            if (!page["hasMore"]!.GetValue<bool>()) return cursor;
        }
    }
}

/// <summary>The same tests with the store on a real PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkAndFeedTests(PostgresServer postgres) : BulkAndFeedTests
{
    protected override void UseStore(SearchApiFactory factory) => factory.UsePostgres(postgres);
}
