using System.Globalization;

namespace SearchApi.Comparison;

/// <summary>The command line of the comparison: what to run, on how much of the corpus, for how long.</summary>
public sealed record BenchOptions(
    string Repo,
    string Corpus,
    IReadOnlyList<int?> Sizes,
    IReadOnlyList<int> Connections,
    TimeSpan Warmup,
    TimeSpan Duration,
    IReadOnlyList<string> Engines,
    IReadOnlyList<Load.Work> Works,
    string Results,
    bool ReportOnly,
    TimeSpan StartWarmup,
    bool Merge,
    (int Count, string Path)? Generate = null)
{
    public const string Usage = """
        dotnet run -c Release --project bench/SearchApi.Comparison -- [options]
          --corpus PATH          the corpus folders (default ../shared/corpus)
          --sizes 10000,30000,all  corpus sizes to measure at (default 10000,30000,all)
          --connections 4,16     concurrent connections (default 4,16)
          --warmup SECONDS       load before each measurement (default 5)
          --duration SECONDS     length of each measurement (default 20)
          --engines ours,postgres,sphinx  (default all three)
          --work hits,snippets,full  what each engine does per query: equal work (ten hits and the total), with two
                                 snippets per hit, the full answer with facets (default all three)
          --results FILE         where the raw results go (default docs/benchmarks/results.json)
          --report-only          redraw docs/BENCHMARKS.md and the chart from the results file
          --generate N --out FILE  write N statements recombined from the corpus (Corpus/MillionCorpus.cs) and stop
          --start-warmup SECONDS unmeasured load on every engine after it starts, before the first measurement (default 30):
                                 a .NET service compiles its hot paths in its first seconds
          --merge                keep the results file's other runs, replacing only the engines and sizes measured now
        """;

    public static BenchOptions Parse(string[] args)
    {
        var repo = FindRepo();
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        static List<string> List(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        return new BenchOptions(
            repo,
            Path.GetFullPath(Value("--corpus", Path.Combine(repo, "..", "shared", "corpus"))),
            List(Value("--sizes", "10000,30000,all")).Select(s => s == "all" ? (int?)null : int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
            List(Value("--connections", "4,16")).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromSeconds(int.Parse(Value("--warmup", "5"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Value("--duration", "20"), CultureInfo.InvariantCulture)),
            List(Value("--engines", "ours,postgres,sphinx")),
            List(Value("--work", "hits,snippets,full")).Select(Load.WorkNames.Parse).ToList(),
            Path.GetFullPath(Value("--results", Path.Combine(repo, "docs", "benchmarks", "results.json"))),
            args.Contains("--report-only"),
            TimeSpan.FromSeconds(int.Parse(Value("--start-warmup", "30"), CultureInfo.InvariantCulture)),
            args.Contains("--merge"),
            args.Contains("--generate") ? (int.Parse(Value("--generate", "1000000"), CultureInfo.InvariantCulture), Path.GetFullPath(Value("--out", "million.jsonl"))) : null);
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SearchApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository: SearchApi.sln not found above " + AppContext.BaseDirectory);
    }
}
