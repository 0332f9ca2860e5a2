namespace SearchApi.Comparison.Engines;

/// <summary>How loading a corpus went: wall time, the peak memory of the loading process, and what it left on disk.</summary>
public sealed record IngestResult(string Path, int Statements, double Seconds, long PeakBytes, long IndexBytes, long StoreBytes)
{
    public double PerSecond => Statements / Seconds;
}

/// <summary>Facet counts over every statement: which fields, and latency percentiles in milliseconds.</summary>
public sealed record FacetResult(string Fields, double P50Ms, double P99Ms);
