namespace SearchApi.Comparison.Load;

/// <summary>One load measurement: requests completed per second and latency percentiles, in milliseconds.</summary>
/// <param name="Work">"hits" (equal work) or "full" (snippets and facets); see <see cref="Load.Work"/>.</param>
public sealed record LoadResult(int Connections, double Seconds, long Requests, long Errors, double Throughput, double P50Ms, double P99Ms, string Work = "full")
{
    public static LoadResult From(int connections, TimeSpan duration, IReadOnlyCollection<double> latenciesMs, long errors, Work work = Load.Work.Full)
    {
        var sorted = latenciesMs.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new LoadResult(connections, duration.TotalSeconds, sorted.Length, errors, sorted.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99), WorkNames.Of(work));
    }
}
