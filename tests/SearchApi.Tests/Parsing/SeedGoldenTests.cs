using System.Text.Encodings.Web;
using System.Text.Json;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Parsing;

/// <summary>
/// Each seed file beside the statements it must parse into (tests/SearchApi.Tests/Parsing/Golden/&lt;seed&gt;.json).
/// Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public sealed class SeedGoldenTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Seed_parses_to_its_golden_statements(string seedFile)
    {
        var parser = new StatementParser(FixedClock.GoldenDay);
        var statements = parser.ParseText(File.ReadAllText(Path.Combine(RepoPaths.Seeds, seedFile)));
        var actual = JsonSerializer.Serialize(statements.Select(Golden.From), Json) + "\n";

        var goldenPath = RepoPaths.TestsFolder(Path.Combine("Parsing", "Golden", Path.ChangeExtension(seedFile, ".json")));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(goldenPath, actual);

        Assert.True(File.Exists(goldenPath), $"No golden file {goldenPath}; run with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }

    [Fact]
    public void Every_seed_has_a_golden_file()
    {
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Select(f => Path.ChangeExtension(Path.GetFileName(f), ".json")).ToHashSet();
        var goldens = Directory.GetFiles(RepoPaths.TestsFolder(Path.Combine("Parsing", "Golden")), "*.json").Select(Path.GetFileName).ToHashSet();
        Assert.Equal(5, seeds.Count);
        Assert.Equal(seeds.Order(), goldens.Order());
    }

    [Fact]
    public void Parsing_is_deterministic_across_runs()
    {
        var file = Path.Combine(RepoPaths.Seeds, "000_440c6603d160168c.txt");
        var first = new StatementParser(FixedClock.GoldenDay).ParseText(File.ReadAllText(file));
        var second = new StatementParser(FixedClock.GoldenDay).ParseText(File.ReadAllText(file));
        Assert.Equal(first.Select(s => s.Id), second.Select(s => s.Id));
        Assert.Equal(first.Count, first.Select(s => s.Id).Distinct().Count());
    }

    /// <summary>The golden form: every field, with the date as YYYY-MM-DD.</summary>
    private sealed record Golden(
        string Id, string Lang, string Title, string? Date, string? DatePrecision, string? Source, string? Url,
        string Kind, string? Author, IReadOnlyList<string> Paragraphs, string? Dateline)
    {
        public static Golden From(Statement s) => new(
            s.Id, s.Lang, s.Title, s.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            s.DatePrecision, s.Source, s.Url, s.Kind, s.Author, s.Paragraphs, s.Dateline);
    }
}
