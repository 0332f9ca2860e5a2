using System.Diagnostics.Metrics;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;

namespace SearchApi.Observability;

/// <summary>
/// Our own instruments beside the HTTP server's, exported at /metrics: how long searches take and how many statements
/// they find, and the index's size and distance behind the store. The write path's counters are in <see cref="IngestMetrics"/>.
/// </summary>
public sealed class SearchMetrics
{
    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Histogram<long> _hits;

    public SearchMetrics(IMeterFactory meters, IndexCatalog catalog, IndexSynchronizer synchronizer, TimeProvider clock)
    {
        _meter = meters.Create(IngestMetrics.MeterName);
        _duration = _meter.CreateHistogram<double>("searchapi.search.duration", "s", "Time to answer a search or facet count, by operation.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _hits = _meter.CreateHistogram<long>("searchapi.search.hits", "{statement}", "Statements matching each search, by operation.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000] });
        _meter.CreateObservableGauge("searchapi.build.info", () => new Measurement<int>(1,
                new KeyValuePair<string, object?>("version", BuildInfo.Version), new KeyValuePair<string, object?>("commit", BuildInfo.Commit)),
            "", "Always 1; its labels name the version and git commit this replica runs.");
        _meter.CreateObservableGauge("searchapi.index.documents", () => (long)catalog.Current.DocumentCount, "{statement}",
            "Statements in this replica's index.");
        _meter.CreateObservableGauge("searchapi.index.size", () => catalog.Current.SizeInBytes(), "By",
            "Bytes of this replica's index on disk.");
        _meter.CreateObservableGauge("searchapi.index.cache.size", () => catalog.PageCache.UsedBytes, "By",
            "Bytes of index file pages this replica holds in memory (at most SearchApi:IndexCacheMegabytes).");
        _meter.CreateObservableGauge("searchapi.index.skipped", () => (long)catalog.Current.Skipped.Count, "{statement}",
            "Statements in the store that this replica's index could not take and left out (GET /api/v1/admin/skipped).");
        _meter.CreateObservableGauge("searchapi.index.damaged", () => catalog.Damage is null ? 0 : 1, "",
            "1 while this replica's index is damaged and being rebuilt from the store, else 0.");
        _meter.CreateObservableGauge("searchapi.index.build.progress", () => synchronizer.Build?.Fraction ?? 1, "",
            "The part done of the index build under way (a rebuild, or a new index filled from the store), 0 to 1; 1 when none runs.");
        _meter.CreateObservableGauge("searchapi.index.lag", () => Math.Max(0, synchronizer.StoreSeq - synchronizer.IndexedSeq), "{change}",
            "Store changes not yet in this replica's index, as of the last look at the store.");
        _meter.CreateObservableGauge("searchapi.index.lag.duration", () => LagSeconds(synchronizer, clock), "s",
            "How long this replica's index has been behind the store; 0 when it holds every change.");
    }

    public void RecordSearch(string operation, TimeSpan took, long hits)
    {
        var tag = new KeyValuePair<string, object?>("operation", operation);
        _duration.Record(took.TotalSeconds, tag);
        _hits.Record(hits, tag);
    }

    private static double LagSeconds(IndexSynchronizer synchronizer, TimeProvider clock) =>
        synchronizer.StoreSeq > synchronizer.IndexedSeq && synchronizer.CaughtUpAt is { } caughtUp
            ? Math.Max(0, (clock.GetUtcNow() - caughtUp).TotalSeconds)
            : 0;
}
