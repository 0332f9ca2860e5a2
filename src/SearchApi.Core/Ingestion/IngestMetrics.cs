using System.Diagnostics.Metrics;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// Counters of the write path, under the meter <see cref="MeterName"/> that the web host exports at /metrics. Rates
/// come from their increase over time (in Prometheus: rate(searchapi_ingest_statements_total[1m])).
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "SearchApi";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Statements written to the store, tagged with the outcome: created, updated, unchanged, deleted.</summary>
    public static readonly Counter<long> StatementsWritten =
        Meter.CreateCounter<long>("searchapi.ingest.statements", "{statement}", "Statements written to the store, by outcome.");

    /// <summary>Store changes (writes and deletions) applied to the local index.</summary>
    public static readonly Counter<long> ChangesIndexed =
        Meter.CreateCounter<long>("searchapi.index.changes", "{change}", "Store changes applied to this replica's index.");

    public static void Record(IReadOnlyList<Storage.WriteResult> results)
    {
        foreach (var group in results.GroupBy(r => r.Outcome))
            StatementsWritten.Add(group.Count(), new KeyValuePair<string, object?>("outcome", WriteOutcomes.Name(group.Key)));
    }
}
