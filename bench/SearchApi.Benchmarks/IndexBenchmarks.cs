using BenchmarkDotNet.Attributes;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Benchmarks;

/// <summary>Indexing a batch of 1,000 linked corpus statements into a fresh on-disk index, committed.</summary>
[MemoryDiagnoser]
public class IndexingBenchmarks
{
    private const int BatchSize = 1_000;
    private IReadOnlyList<StoredStatement> _batch = [];
    private string _folder = "";
    private StatementIndex? _index;

    [GlobalSetup]
    public void Setup()
    {
        var linker = new EntityLinker(Gazetteer.Embedded);
        _batch = Samples.CorpusStatements(BatchSize)
            .Select((s, i) => new StoredStatement(i + 1, s.Id, false, s with { Entities = linker.Link(s) }, "", DateTimeOffset.UnixEpoch))
            .ToList();
    }

    [IterationSetup]
    public void OpenEmptyIndex()
    {
        _folder = Path.Combine(Path.GetTempPath(), "searchapi-bench-" + Guid.NewGuid().ToString("N"));
        _index = StatementIndex.Open(_folder, StatementAnalyzer.Create());
    }

    [Benchmark(Description = "index and commit 1,000 statements")]
    public void IndexBatch()
    {
        _index!.Apply(_batch);
        _index.Commit();
    }

    [IterationCleanup]
    public void Remove()
    {
        _index?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
