using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// A statement the index cannot take, through the whole service: the write is acknowledged (the store has it), later
/// writes are searchable, readiness says degraded and why, the admin endpoint and the metrics list it, and a start
/// with analysis that works takes it in. The fault is injected into the analysis the index is given (everything else
/// is the real service): since the chains became total, no real text makes them fail.
/// </summary>
public sealed class SkippedStatementTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private SearchApiFactory Poisoned()
    {
        var factory = SearchApiFactory.On(_folder.Path);
        factory.TestServices = services => services.AddSingleton(sp => IndexCatalog.Open(
            Path.Combine(_folder.Path, "index"), () => new PoisonedAnalysis(), sp.GetRequiredService<ILogger<IndexCatalog>>()));
        return factory;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_statement_the_index_cannot_take_is_reported_and_never_blocks_the_others()
    {
        await using (var factory = Poisoned())
        {
            await factory.InitializeAsync();
            var writer = factory.CreateWriter();
            var reader = factory.CreateClient();

            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/documents", Json($$"""{"id":"poison-1","text":"Talks and a {{PoisonedAnalysis.Word}} in Minsk."}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await writer.PostAsync("/api/v1/documents", Json("""{"id":"after-1","text":"Later talks in Minsk."}"""))).StatusCode);

            Assert.Equal(["after-1"], (await reader.GetObject("/api/v1/search?q=minsk"))["hits"].Objects().Select(h => h["id"].Str()));
            Assert.Equal("poison-1", (await reader.GetObject("/api/v1/documents/poison-1"))["id"].Str());
            var ready = await reader.GetObject("/health/ready");
            Assert.Equal("degraded", ready["status"].Str());
            Assert.Equal("degraded", ready["checks"]!["index"]!["status"].Str());
            Assert.Contains("1 statements could not be indexed", ready["checks"]!["index"]!["description"].Str());

            await (await reader.GetAsync("/api/v1/admin/skipped")).AssertProblem(401, "missing_api_key");
            var skipped = await writer.GetObject("/api/v1/admin/skipped");
            Assert.Equal(1, skipped["count"]!.GetValue<int>());
            var record = skipped["statements"].Objects().Single();
            Assert.Equal("poison-1", record["id"].Str());
            Assert.Contains("could not be analysed", record["reason"].Str());
        }

        // A start with analysis that works (a fixed release) takes the skipped statement in.
        await using var fixedRelease = SearchApiFactory.On(_folder.Path);
        await fixedRelease.InitializeAsync();
        var client = fixedRelease.CreateClient();
        Assert.Equal("ready", (await client.GetObject("/health/ready"))["status"].Str());
        Assert.Equal(["after-1", "poison-1"], (await client.GetObject("/api/v1/search?q=minsk"))["hits"].Objects().Select(h => h["id"].Str()).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await fixedRelease.CreateWriter().GetObject("/api/v1/admin/skipped"))["count"]!.GetValue<int>());
    }
}
