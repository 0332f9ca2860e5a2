using System.Text.Json.Nodes;

namespace SearchApi.IntegrationTests.Support;

/// <summary>Checks that a running service's index holds exactly what its store holds.</summary>
public static class Consistency
{
    /// <summary>The store (walked through the feed) and the index hold the same statements.</summary>
    public static async Task AssertStoreAndIndexAgree(ServerProcess server)
    {
        var live = new HashSet<string>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 10_000, "the feed did not end within 10,000 pages");
            var page = await server.Client.GetObject("/api/v1/documents?limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            foreach (var item in page["items"].Objects())
                if (item["deleted"]!.GetValue<bool>()) live.Remove(item["id"].Str());
                else live.Add(item["id"].Str());
            cursor = page["nextCursor"].Str();
            if (!page["hasMore"]!.GetValue<bool>()) break;
        }
        var indexed = new HashSet<string>();
        var export = await server.Client.GetStringAsync("/api/v1/search/export");
        foreach (var line in export.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            indexed.Add(JsonNode.Parse(line)!["id"].Str());
        Assert.Equal(live.Count, (await server.Client.GetObject("/health/ready"))["documents"]!.GetValue<long>());
        Assert.True(live.SetEquals(indexed), $"store {live.Count}, index {indexed.Count}");
    }
}
