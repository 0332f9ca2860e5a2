using System.Text.Json;
using SearchApi.Comparison.Engines;
using SearchApi.Comparison.Load;

namespace SearchApi.Comparison.Report;

/// <summary>Everything one engine measured at one corpus size.</summary>
public sealed record EngineRun(
    string Engine,
    int Statements,
    IngestResult Ingest,
    IReadOnlyList<LoadResult> Search,
    FacetResult? Facets,
    long ServingBytes,
    double? ReadySeconds);

/// <summary>A whole comparison run, as docs/benchmarks/results.json keeps it.</summary>
public sealed record BenchResults(
    DateTimeOffset Started,
    Machine Machine,
    int Queries,
    double WarmupSeconds,
    double DurationSeconds,
    List<EngineRun> Runs,
    List<IngestResult> Bulk)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    public static BenchResults Load(string path) => JsonSerializer.Deserialize<BenchResults>(File.ReadAllText(path), Json)!;
}
