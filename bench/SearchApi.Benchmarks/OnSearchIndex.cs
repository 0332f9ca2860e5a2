using BenchmarkDotNet.Attributes;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;

namespace SearchApi.Benchmarks;

/// <summary>A benchmark over the shared on-disk corpus index (<see cref="SearchIndex"/>), opened once per run.</summary>
public abstract class OnSearchIndex
{
    protected IndexCatalog Catalog { get; private set; } = null!;

    protected ReadSessions Sessions { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Catalog = SearchIndex.Open();
        Sessions = SearchIndex.Sessions(Catalog);
    }

    [GlobalCleanup]
    public void Cleanup() => Catalog.Dispose();
}
