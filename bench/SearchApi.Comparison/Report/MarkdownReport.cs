using System.Globalization;
using System.Text;
using SearchApi.Comparison.Load;

namespace SearchApi.Comparison.Report;

/// <summary>
/// Writes the measured tables into docs/BENCHMARKS.md, between its results markers (the prose around them is written
/// by hand), and the chart beside it.
/// </summary>
public static class MarkdownReport
{
    public const string Start = "<!-- results:start -->";
    public const string End = "<!-- results:end -->";
    private const string Ours = "SearchApi";
    private const string Postgres = "PostgreSQL FTS";
    private const string Sphinx = "Sphinx";

    public static void Write(BenchResults results, string markdown, string chart)
    {
        var peak = results.Runs.SelectMany(r => r.Search).Select(s => s.Connections).DefaultIfEmpty(16).Max();
        Chart.Draw(results, peak, chart);
        var text = File.Exists(markdown) ? File.ReadAllText(markdown) : $"# Benchmarks\n\n{Start}\n{End}\n";
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        if (from < 0 || to < from) throw new InvalidOperationException($"{markdown} has no {Start} … {End} section.");
        var relativeChart = Path.GetRelativePath(Path.GetDirectoryName(markdown)!, chart).Replace('\\', '/');
        File.WriteAllText(markdown, text[..(from + Start.Length)] + "\n" + Tables(results, peak, relativeChart) + text[to..]);
    }

    private static string N(double value, string format = "N0") => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Mb(long bytes) => bytes <= 0 ? "—" : N(bytes / 1048576.0);

    private static string Tables(BenchResults r, int peak, string chart)
    {
        var md = new StringBuilder();
        var m = r.Machine;
        md.AppendLine(CultureInfo.InvariantCulture, $"Measured {r.Started:yyyy-MM-dd} on {m.Cpu}, {m.Cores} cores, {N(m.MemoryGiB, "N0")} GiB, {m.Os}; {m.Dotnet}; {m.Postgres}; {m.Sphinx}; {m.Wrk}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"{r.Queries} queries (`bench/queries.jsonl`); each load measurement is {N(r.WarmupSeconds)} s of warm-up, then {N(r.DurationSeconds)} s measured.");
        md.AppendLine();

        var sizes = r.Runs.Select(x => x.Statements).Distinct().Order().ToList();
        var all = sizes.Count == 0 ? 0 : sizes[^1];
        EngineRun? Run(string engine, int size) => r.Runs.FirstOrDefault(x => x.Engine == engine && x.Statements == size);
        LoadResult? Load(string engine, int size, int connections, Work work) =>
            Run(engine, size)?.Search.FirstOrDefault(s => s.Connections == connections && s.Work == WorkNames.Of(work));

        md.AppendLine(CultureInfo.InvariantCulture, $"### Targets, on all {N(all)} statements");
        md.AppendLine();
        md.AppendLine("| target | goal | measured | met |");
        md.AppendLine("|---|---|---:|:---:|");
        void Target(string name, string goal, double value, string shown, bool met) => md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {goal} | {shown} | {(double.IsNaN(value) ? "—" : met ? "yes" : "**no**")} |");
        double Ratio(LoadResult? a, LoadResult? b) => a is null || b is null ? double.NaN : a.Throughput / b.Throughput;
        var low = r.Runs.SelectMany(x => x.Search).Select(s => s.Connections).DefaultIfEmpty(4).Min();

        var hits = Load(Ours, all, low, Work.HitsOnly);
        var sphinxHits = Load(Sphinx, all, low, Work.HitsOnly);
        var vsSphinxHits = Ratio(hits, sphinxHits);
        Target($"equal work (ten hits and the total): against Sphinx's MATCH, {low} connections", "≥ 1.0×", vsSphinxHits, N(vsSphinxHits, "N2") + "×", vsSphinxHits >= 1);
        var snippets = Load(Ours, all, low, Work.Snippets);
        var snippetCost = Ratio(snippets, hits);
        Target($"ten hits with two snippets each, against ten hits alone, {low} connections", "≥ 0.9×", snippetCost, N(snippetCost, "N2") + "×", snippetCost >= 0.9);
        var snippetsP99 = snippets?.P99Ms ?? double.NaN;
        Target($"p99 of ten hits with snippets, {low} connections", "≤ 10 ms", snippetsP99, N(snippetsP99, "N1") + " ms", snippetsP99 <= 10);

        var full = Load(Ours, all, peak, Work.Full);
        var rps = full?.Throughput ?? double.NaN;
        Target($"full answer (snippets and facets) throughput, {peak} connections", "≥ 3,000 req/s", rps, N(rps) + " req/s", rps >= 3000);
        var vsSphinx = Ratio(full, Load(Sphinx, all, peak, Work.Full));
        Target($"… against Sphinx's full answer (MATCH, CALL SNIPPETS, FACET), {peak} connections", "≥ 1.0×", vsSphinx, N(vsSphinx, "N2") + "×", vsSphinx >= 1);
        var vsPg = Ratio(full, Load(Postgres, all, peak, Work.Full));
        Target($"… against PostgreSQL FTS's full answer, {peak} connections", "≥ 100×", vsPg, N(vsPg, "N0") + "×", vsPg >= 100);
        var p99 = full?.P99Ms ?? double.NaN;
        Target($"full answer p99, {peak} connections", "≤ 15 ms", p99, N(p99, "N1") + " ms", p99 <= 15);

        var oursRun = Run(Ours, all);
        var facets = oursRun?.Facets?.P50Ms ?? double.NaN;
        Target("four facets over all statements (empty query), p50", "≤ 30 ms", facets, N(facets, "N1") + " ms", facets <= 30);
        var pgLoad = Run(Postgres, all)?.Ingest.PerSecond ?? double.NaN;
        var cliRate = oursRun?.Ingest.PerSecond ?? double.NaN;
        Target("whole-corpus ingest (store + index + entities), CLI, against PostgreSQL FTS's COPY + GIN", $"≥ {N(pgLoad)}/s", cliRate, N(cliRate) + "/s", cliRate >= pgLoad);
        var bulkRate = r.Bulk.LastOrDefault()?.PerSecond ?? double.NaN;
        Target("… through the bulk endpoint", $"≥ {N(pgLoad)}/s", bulkRate, N(bulkRate) + "/s", bulkRate >= pgLoad);
        var memory = oursRun is null ? double.NaN : oursRun.ServingBytes / 1048576.0;
        Target("resident memory while serving", "≤ 1 GiB", memory, N(memory) + " MB", memory <= 1024);
        var ready = oursRun?.ReadySeconds ?? double.NaN;
        Target("start to ready on an existing index", "≤ 3 s", ready, N(ready, "N2") + " s", ready <= 3);
        md.AppendLine();

        var headings = new Dictionary<Work, string>
        {
            [Work.HitsOnly] = "Search at equal work: the ten best hits and the total, no snippets, no facets",
            [Work.Snippets] = "Search: ten hits with two snippets each, no facets (Sphinx adds CALL SNIPPETS, PostgreSQL ts_headline)",
            [Work.Full] = "Search, the full answer: ten hits with snippets and the facets a query asks for (Sphinx FACET, PostgreSQL GROUP BY)",
        };
        foreach (var work in WorkNames.All.Where(w => r.Runs.SelectMany(x => x.Search).Any(s => s.Work == WorkNames.Of(w))))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {headings[work]}; req/s and latency in ms");
            md.AppendLine();
            md.AppendLine($"| statements | connections | {Ours} req/s | p50 | p99 | errors | {Postgres} req/s | p50 | p99 | {Sphinx} req/s | p50 | p99 | × {Postgres} | × {Sphinx} |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var size in sizes)
                foreach (var connections in r.Runs.SelectMany(x => x.Search).Select(s => s.Connections).Distinct().Order())
                {
                    var o = Load(Ours, size, connections, work);
                    var p = Load(Postgres, size, connections, work);
                    var s = Load(Sphinx, size, connections, work);
                    string Cells(LoadResult? l) => l is null ? "— | — | —" : $"{N(l.Throughput)} | {N(l.P50Ms, "N1")} | {N(l.P99Ms, "N1")}";
                    string Times(LoadResult? peer) => o is null || peer is null ? "—" : N(o.Throughput / peer.Throughput, "N2") + "×";
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {connections} | {Cells(o)} | {(o is null ? "—" : N(o.Errors))} | {Cells(p)} | {Cells(s)} | {Times(p)} | {Times(s)} |");
                }
            md.AppendLine();
        }

        md.AppendLine("### Facets over all statements (empty query), one request at a time, ms");
        md.AppendLine();
        md.AppendLine($"| statements | {Ours} fields | p50 | p99 | {Postgres} fields | p50 | p99 | {Sphinx} fields | p50 | p99 |");
        md.AppendLine("|---:|---|---:|---:|---|---:|---:|---|---:|---:|");
        foreach (var size in sizes)
        {
            string Cells(string engine) => Run(engine, size)?.Facets is { } f ? $"{f.Fields} | {N(f.P50Ms, "N1")} | {N(f.P99Ms, "N1")}" : "— | — | —";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {Cells(Ours)} | {Cells(Postgres)} | {Cells(Sphinx)} |");
        }
        md.AppendLine();

        md.AppendLine("### Loading the corpus");
        md.AppendLine();
        md.AppendLine("| statements | engine | how | seconds | statements/s | peak memory (MB) | index (MB) | store (MB) |");
        md.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
            foreach (var run in r.Runs.Where(x => x.Statements == size))
                md.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {run.Engine} | {run.Ingest.Path} | {N(run.Ingest.Seconds, "N1")} | {N(run.Ingest.PerSecond)} | {Mb(run.Ingest.PeakBytes)} | {Mb(run.Ingest.IndexBytes)} | {Mb(run.Ingest.StoreBytes)} |");
        foreach (var bulk in r.Bulk)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {N(bulk.Statements)} | {Ours} | {bulk.Path} (HTTP) | {N(bulk.Seconds, "N1")} | {N(bulk.PerSecond)} | {Mb(bulk.PeakBytes)} | {Mb(bulk.IndexBytes)} | {Mb(bulk.StoreBytes)} |");
        md.AppendLine();

        md.AppendLine("### Memory while serving, and start-up");
        md.AppendLine();
        md.AppendLine($"| statements | {Ours} resident (MB) | {Ours} start to ready (s) | {Postgres} resident, all processes (MB) | {Sphinx} searchd resident (MB) |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {N(size)} | {Mb(Run(Ours, size)?.ServingBytes ?? 0)} | {(Run(Ours, size)?.ReadySeconds is { } s ? N(s, "N2") : "—")} | {Mb(Run(Postgres, size)?.ServingBytes ?? 0)} | {Mb(Run(Sphinx, size)?.ServingBytes ?? 0)} |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![Search throughput and p99 latency against corpus size]({chart})");
        return md.ToString();
    }
}
