using SearchApi.Comparison.Corpus;
using SearchApi.Comparison.Load;
using SearchApi.Core.Statements;

namespace SearchApi.Comparison.Engines;

/// <summary>An engine we are compared with: loaded, queried by the in-process load driver, asked for facets, then stopped.</summary>
public interface IPeerEngine : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Single facet requests to time (fewer for a slow engine).</summary>
    int FacetRepeats { get; }

    Task<IngestResult> LoadAsync(IReadOnlyList<Statement> statements);

    Task<LoadDriver.IWorker> ConnectAsync(IReadOnlyList<BenchQuery> queries, Work work);

    Task<FacetResult> FacetsAsync(int repeats);

    long ResidentBytes();
}
