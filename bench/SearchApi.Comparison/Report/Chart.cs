using ScottPlot;
using SearchApi.Comparison.Load;

namespace SearchApi.Comparison.Report;

/// <summary>
/// The chart in docs/BENCHMARKS.md: search throughput and p99 latency against corpus size, per engine (ScottPlot), on
/// logarithmic axes — the engines differ by orders of magnitude, and on a linear axis the fastest hugs zero.
/// </summary>
public static class Chart
{
    public static void Draw(BenchResults results, int connections, string path)
    {
        var multiplot = new ScottPlot.Multiplot();
        multiplot.AddPlots(2);
        var throughput = multiplot.GetPlot(0);
        var p99 = multiplot.GetPlot(1);
        foreach (var engine in results.Runs.Select(r => r.Engine).Distinct())
        {
            var runs = results.Runs.Where(r => r.Engine == engine).OrderBy(r => r.Statements).ToList();
            var sizes = runs.Select(r => r.Statements / 1000.0).ToArray();
            LoadResult? At(EngineRun run) => run.Search.FirstOrDefault(s => s.Connections == connections && s.Work == WorkNames.Of(Work.HitsOnly));
            var rps = throughput.Add.Scatter(sizes, runs.Select(r => Math.Log10(At(r)?.Throughput ?? double.NaN)).ToArray());
            rps.LegendText = engine;
            var latency = p99.Add.Scatter(sizes, runs.Select(r => Math.Log10(At(r)?.P99Ms ?? double.NaN)).ToArray());
            latency.LegendText = engine;
        }
        throughput.Title($"Search throughput at equal work (ten hits), {connections} connections");
        throughput.XLabel("statements (thousands)");
        throughput.YLabel("requests per second (log scale)");
        LogScale(throughput);
        throughput.ShowLegend(Edge.Right);
        p99.Title($"Search p99 latency at equal work (ten hits), {connections} connections");
        p99.XLabel("statements (thousands)");
        p99.YLabel("milliseconds (log scale)");
        LogScale(p99);
        p99.ShowLegend(Edge.Right);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        multiplot.SavePng(path, 1000, 800);
    }

    // The values are plotted as their logarithms; the ticks name the powers of ten they stand for.
    private static void LogScale(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = value => Math.Pow(10, value).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        };
}
