using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;
using SearchApi.Core.Storage;

namespace SearchApi.Benchmarks;

/// <summary>
/// An on-disk index of corpus statements (entities linked, one segment, as after a CLI ingest), built once and kept in
/// the temporary folder for the benchmark processes that follow; a new build of SearchApi.Core builds it again.
/// </summary>
public static class SearchIndex
{
    public const int Size = 20_000;

    public static IndexCatalog Open()
    {
        var version = typeof(StatementIndex).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var root = Path.Combine(Path.GetTempPath(), $"searchapi-bench-{Size}-{version}");
        // Beside the folder, not in it: the catalog removes what it does not know from its own folder.
        var ready = root + ".ready";
        if (!File.Exists(ready))
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            using var building = IndexCatalog.Open(root, () => StatementAnalyzer.Create());
            var linker = new EntityLinker(Gazetteer.Embedded);
            var statements = Samples.CorpusStatements(Size);
            var stored = new StoredStatement[statements.Count];
            Parallel.For(0, statements.Count, i =>
                stored[i] = new StoredStatement(i + 1, statements[i].Id, false, statements[i] with { Entities = linker.Link(statements[i]) }, "", DateTimeOffset.UnixEpoch));
            building.Current.Apply(stored);
            building.Current.Commit();
            building.Current.Optimize();
            File.WriteAllText(ready, statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return IndexCatalog.Open(root, () => StatementAnalyzer.Create());
    }

    public static ReadSessions Sessions(IndexCatalog catalog) => new(catalog, Queries(), new FacetLabels(Gazetteer.Embedded));

    public static QueryBuilder Queries() => QueryBuilder.Standard(new EntityLinker(Gazetteer.Embedded));
}
