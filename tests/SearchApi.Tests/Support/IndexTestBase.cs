using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Tests.Support;

/// <summary>A real SQLite store and on-disk index in a temporary folder, with the search and facet services over them.</summary>
public abstract class IndexTestBase : IDisposable
{
    protected readonly TempDirectory _folder = new();
    protected readonly SqlStatementStore _store;
    protected IndexCatalog _catalog;
    protected IndexSynchronizer _sync;

    protected StatementIndex _index => _catalog.Current;

    protected IndexTestBase()
    {
        _store = new SqlStatementStore(SqliteConnections.ForFile(_folder.File("statements.db")), TimeProvider.System);
        _store.MigrateAsync().GetAwaiter().GetResult();
        (_catalog, _sync) = OpenIndex();
    }

    protected (IndexCatalog, IndexSynchronizer) OpenIndex()
    {
        var catalog = IndexCatalog.Open(_folder.File("index"), () => StatementAnalyzer.Create());
        return (catalog, new IndexSynchronizer(_store, catalog, NullLogger<IndexSynchronizer>.Instance));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _catalog.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    protected SearchService Service() =>
        new(_catalog, new QueryBuilder(StatementAnalyzer.Create(AnalysisMode.Query), new EntityLinker(Gazetteer.Embedded)));

    protected FacetService Facets() =>
        new(_catalog, new QueryBuilder(StatementAnalyzer.Create(AnalysisMode.Query), new EntityLinker(Gazetteer.Embedded)), new FacetLabels(Gazetteer.Embedded), Gazetteer.Embedded);

    protected async Task Ingest(params Statement[] statements)
    {
        await _store.UpsertAsync(statements);
        await _sync.CatchUpAsync();
    }

    protected SearchResult Search(string q, SearchSort sort = SearchSort.Relevance, int limit = 10, Cursor? after = null, SearchFilters? filters = null) =>
        Service().Search(new SearchRequest(q, filters ?? SearchFilters.None, sort, limit, after));
}
