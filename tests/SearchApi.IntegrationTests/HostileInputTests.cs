using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// The findings of the hostile-client review (issue 11), each as a regression test through the real HTTP pipeline:
/// text as Telegram and PDFs deliver it, broken gzip, bulk uploads that meet bad lines or garbage, and problem
/// documents that must not name .NET types.
/// </summary>
public sealed class HostileInputTests : OwnServiceTests
{
    private const string StyledPoison = """{"id":"p1","lang":"en","title":"t","text":"Minister Lavrov𝔘𝔫𝔦 met Kulubaev"}""";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string type, bool gzip = false)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        if (gzip) content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return buffer.ToArray();
    }

    private async Task<List<JsonObject>> Bulk(HttpContent content)
    {
        var response = await Writer.PostAsync("/api/v1/documents/bulk", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    [Fact]
    public async Task The_write_that_stopped_the_service_is_indexed_and_every_later_write_too_also_after_a_restart()
    {
        using var folder = new TempDirectory();
        await using (var first = SearchApiFactory.On(folder.Path))
        {
            await first.InitializeAsync();
            var writer = first.CreateWriter();
            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/documents", Json(StyledPoison))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/documents", Json("""{"id":"p2","text":"A later statement about Bishkek."}"""))).StatusCode);
            var reader = first.CreateClient();
            Assert.Equal("p1", (await reader.GetObject("/api/v1/search?q=Kulubaev"))["hits"].Objects().Single()["id"].Str());
            Assert.Equal("p1", (await reader.GetObject("/api/v1/search?q=" + Uri.EscapeDataString("Lavrov𝔘𝔫𝔦")))["hits"].Objects().Single()["id"].Str());
            Assert.Equal("p2", (await reader.GetObject("/api/v1/search?q=later"))["hits"].Objects().Single()["id"].Str());
            Assert.Equal("ready", (await reader.GetObject("/health/ready"))["status"].Str());
        }

        await using var restarted = SearchApiFactory.On(folder.Path);
        await restarted.InitializeAsync();
        var client = restarted.CreateClient();
        Assert.Equal("ready", (await client.GetObject("/health/ready"))["status"].Str());
        Assert.Equal("p1", (await client.GetObject("/api/v1/search?q=Kulubaev"))["hits"].Objects().Single()["id"].Str());
        Assert.Equal("p2", (await client.GetObject("/api/v1/search?q=later"))["hits"].Objects().Single()["id"].Str());
    }

    [Theory]
    [InlineData("/api/v1/search?q=")]
    [InlineData("/api/v1/facets?q=")]
    [InlineData("/api/v1/search/explain?q=")]
    [InlineData("/api/v1/search/export?q=")]
    public async Task Queries_with_styled_letters_joined_to_names_are_answered(string endpoint)
    {
        foreach (var query in new[] { "Lavrov𝔘", "𝔘𝔫𝔦 Lavrov", "\uFFFE Lavrov", "Лавров𝐛𝐨𝐥𝐝 ОДКБ", "𝐋𝐚𝐯𝐫𝐨𝐯" })
        {
            var response = await Reader.GetAsync(endpoint + Uri.EscapeDataString(query));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint}{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Styled_letters_find_the_plain_name_and_the_other_way_round()
    {
        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsync("/api/v1/documents", Json("""{"id":"bold-1","text":"𝐒𝐞𝐫𝐠𝐞𝐲 𝐋𝐚𝐯𝐫𝐨𝐯 spoke at the briefing."}"""))).StatusCode);
        var hit = (await Reader.GetObject("/api/v1/search?q=briefing%20lavrov"))["hits"].Objects().Single(h => h["id"].Str() == "bold-1");
        var snippet = hit["snippets"].Objects().First();
        var marked = snippet["highlights"].Objects().Select(h => snippet["text"].Str().Substring(h["start"]!.GetValue<int>(), h["length"]!.GetValue<int>())).ToList();
        // The styled name is linked as the person (the entity is marked as a whole) and its words are marked.
        Assert.Contains(marked, m => m.Contains("𝐋𝐚𝐯𝐫𝐨𝐯", StringComparison.Ordinal));
        Assert.Contains("person:sergey-lavrov", (await Reader.GetObject("/api/v1/documents/bold-1"))["entities"].Objects().Select(e => e["id"].Str()));
    }

    [Fact]
    public async Task Noncharacters_from_PDFs_are_removed_the_same_way_by_post_put_and_bulk()
    {
        const string text = "Joint\uFFFE statement on\uFFFF trade\uFDD0.";
        Assert.Equal(HttpStatusCode.Created, (await Writer.PostAsync("/api/v1/documents", Json($$"""{"id":"nc-post","text":"{{text}}"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Writer.PutAsync("/api/v1/documents/nc-put", Json($$"""{"text":"{{text}}"}"""))).StatusCode);
        var lines = await Bulk(Bytes(Encoding.UTF8.GetBytes($$"""{"id":"nc-bulk","text":"{{text}}"}""" + "\n"), "application/x-ndjson"));
        Assert.Equal("accepted", lines[0]["status"].Str());

        foreach (var id in new[] { "nc-post", "nc-put", "nc-bulk" })
            Assert.Equal("Joint statement on trade.", (await Reader.GetObject($"/api/v1/documents/{id}"))["text"].Str());
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_refused_alike_by_a_single_write_and_a_bulk_line()
    {
        byte[][] bad =
        [
            [.. "{\"text\":\"bad "u8, 0xFF, .. "\"}"u8],
            // U+D800 encoded as UTF-8: a surrogate has no UTF-8 form.
            [.. "{\"text\":\"bad "u8, 0xED, 0xA0, 0x80, .. "\"}"u8],
            [.. "{\"text\":\"cut "u8, 0xE2, 0x82, .. "\"}"u8],
        ];
        foreach (var body in bad)
        {
            await (await Writer.PostAsync("/api/v1/documents", Bytes(body, "application/json"))).AssertProblem(422, "invalid_text");
            var lines = await Bulk(Bytes([.. body, (byte)'\n'], "application/x-ndjson"));
            Assert.Equal("rejected", lines[0]["status"].Str());
            Assert.Equal("invalid_text", lines[0]["code"].Str());
            Assert.Contains("summary", lines[^1].Select(p => p.Key));
        }
        await (await Writer.PostAsync("/api/v1/documents", Bytes([.. "Raw text "u8, 0xC0, 0xAF], "text/plain"))).AssertProblem(422, "invalid_text");
        // A JSON escape of a lone surrogate is refused as JSON, with our words, not the parser's.
        var lone = await Writer.PostAsync("/api/v1/documents", Json("""{"text":"a \ud800 b"}"""));
        await lone.AssertProblem(400, "invalid_json");
        Assert.DoesNotContain("System.", await lone.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_gzip_body_that_is_not_gzip_is_corrupt_or_cut_short_is_400_never_500_and_never_silently_shorter()
    {
        var lines = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2_000).Select(i => $$"""{"id":"gz-{{i}}","text":"Statement number {{i}} about trade."}""" + "\n")));
        var good = Gzip(lines);
        var badChecksum = (byte[])good.Clone();
        badChecksum[^6] ^= 0x55;
        byte[][] broken = [Encoding.UTF8.GetBytes("{\"text\":\"plain, not gzip\"}\n"), badChecksum, good[..(good.Length / 2)], good[..^4], [0x1F, 0x8B, 0x08, 0, 0, 0]];
        foreach (var body in broken)
        {
            var bulk = await Writer.PostAsync("/api/v1/documents/bulk", Bytes(body, "application/x-ndjson", gzip: true));
            var text = await bulk.Content.ReadAsStringAsync();
            if (bulk.StatusCode == HttpStatusCode.OK)
            {
                // The first batches were committed before the damage was reached: the stream ends with the error.
                var last = JsonNode.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
                Assert.Equal("invalid_gzip", last["error"]!["code"].Str());
            }
            else await bulk.AssertProblem(400, "invalid_gzip");
            await (await Writer.PostAsync("/api/v1/documents", Bytes(body, "application/json", gzip: true))).AssertProblem(400, "invalid_gzip");
        }
        var deflate = Bytes(good, "application/x-ndjson");
        deflate.Headers.ContentEncoding.Add("br");
        await (await Writer.PostAsync("/api/v1/documents/bulk", deflate)).AssertProblem(415, "unsupported_encoding");

        var whole = await Bulk(Bytes(good, "application/x-ndjson", gzip: true));
        Assert.Equal(2_000, whole[^1]["summary"]!["accepted"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_bulk_line_is_answered_and_the_last_line_is_always_the_summary()
    {
        // Starting with a byte-order mark, as Windows tools write files.
        var body = new List<byte>([0xEF, 0xBB, 0xBF]);
        void Add(string line) => body.AddRange(Encoding.UTF8.GetBytes(line + "\n"));
        Add("""{"id":"ok-1","text":"Fine."}""");
        Add("not json");
        body.AddRange([.. "{\"text\":\"x "u8, 0xFF, .. "\"}\n"u8]);
        Add("""{"id":"ok-2","text":"Lavrov𝔘𝔫𝔦 and \uFFFE and \ud83d\ude00"}""");
        Add("""{"text":""}""");
        Add("[]");
        Add("null");
        Add("""{"id":"ok-3","text":"Third.","date":"2026-02-30"}""");
        var lines = await Bulk(Bytes([.. body], "application/x-ndjson"));

        Assert.Equal(9, lines.Count);
        Assert.Equal(["accepted", "rejected", "rejected", "accepted", "rejected", "rejected", "rejected", "rejected"], lines.Take(8).Select(l => l["status"].Str()));
        Assert.Equal(["invalid_json", "invalid_text", "invalid_statement", "invalid_json", "invalid_json", "invalid_statement"],
            lines.Take(8).Where(l => l["status"].Str() == "rejected").Select(l => l["code"].Str()));
        Assert.All(lines.Where(l => l["error"] is not null), l => Assert.DoesNotContain("System.", l["error"].Str()));
        Assert.Equal(2, lines[^1]["summary"]!["accepted"]!.GetValue<int>());
        Assert.Equal(6, lines[^1]["summary"]!["rejected"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_compressed_stream_of_garbage_lines_is_stopped_after_the_documented_count()
    {
        // 5.9 KB that inflate to 3,000,000 lines: the answer must not grow with them.
        var bomb = Gzip(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("x\n", 3_000_000))));
        var response = await Writer.PostAsync("/api/v1/documents/bulk", Bytes(bomb, "application/x-ndjson", gzip: true));
        var body = await response.Content.ReadAsStringAsync();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1_002, lines.Length);
        var last = JsonNode.Parse(lines[^1])!.AsObject();
        Assert.Equal("too_many_rejected_lines", last["error"]!["code"].Str());
        Assert.Equal(1_001, last["summary"]!["rejected"]!.GetValue<int>());
        Assert.True(body.Length < 250_000, $"the answer grew to {body.Length:N0} bytes");
    }

    [Fact]
    public async Task An_upload_of_more_lines_than_one_may_hold_is_refused_with_its_own_code()
    {
        var many = Gzip(Encoding.ASCII.GetBytes(new string('\n', 1_000_001) + "{\"text\":\"late\"}\n"));
        await (await Writer.PostAsync("/api/v1/documents/bulk", Bytes(many, "application/x-ndjson", gzip: true))).AssertProblem(413, "too_many_lines");
    }

    [Fact]
    public async Task Problem_documents_never_name_dotnet_types()
    {
        foreach (var url in new[] { "/api/v1/search?limit=%0Aten", "/api/v1/search?limit=ten", "/api/v1/search?snippets=2.5", "/api/v1/search?strict=maybe", "/api/v1/documents?limit=x" })
        {
            var response = await Reader.GetAsync(url);
            await response.AssertProblem(400, "invalid_parameter");
            var body = await response.Content.ReadAsStringAsync();
            foreach (var leak in new[] { "Nullable", "Int32", "Boolean", "System.", "SearchApi." }) Assert.DoesNotContain(leak, body);
        }
        var wrongType = await Writer.PostAsync("/api/v1/documents", Json("""{"text":42}"""));
        await wrongType.AssertProblem(400, "invalid_json");
        Assert.DoesNotContain("StatementRecord", await wrongType.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_facet_value_prefix_of_noncharacters_is_answered() =>
        Assert.Equal(HttpStatusCode.OK, (await Reader.GetAsync("/api/v1/facets/person/values?prefix=%EF%BF%BE")).StatusCode);
}
