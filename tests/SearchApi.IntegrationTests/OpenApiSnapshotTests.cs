using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// docs/openapi.json is what frontends generate clients from and what CI lints: it must be the document the service
/// serves. An unintended change to the API fails here; an intended one is recorded with
/// UPDATE_OPENAPI=1 dotnet test --filter OpenApiSnapshot and committed.
/// </summary>
[Collection(SeededService.Name)]
public sealed class OpenApiSnapshotTests(SearchApiFactory factory)
{
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string SnapshotPath => Path.Combine(RepoPaths.Root, "docs", "openapi.json");

    [Fact]
    public async Task The_served_document_is_the_committed_snapshot()
    {
        var live = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!.ToJsonString(Readable) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(SnapshotPath, live);

        Assert.True(File.Exists(SnapshotPath), $"{SnapshotPath} is missing: UPDATE_OPENAPI=1 dotnet test --filter OpenApiSnapshot writes it.");
        var committed = (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n");
        if (committed == live) return;
        var (liveLines, committedLines) = (live.Split('\n'), committed.Split('\n'));
        var line = Enumerable.Range(0, Math.Min(liveLines.Length, committedLines.Length)).FirstOrDefault(i => liveLines[i] != committedLines[i]);
        Assert.Fail(
            $"The OpenAPI document differs from docs/openapi.json from line {line + 1}:\n" +
            $"  served:    {liveLines.ElementAtOrDefault(line)}\n  committed: {committedLines.ElementAtOrDefault(line)}\n" +
            "If the change is intended, run UPDATE_OPENAPI=1 dotnet test --filter OpenApiSnapshot and commit docs/openapi.json.");
    }
}
