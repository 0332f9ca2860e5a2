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

    /// <summary>The time the index and its snapshots live by: moved by the test, never by waiting.</summary>
    protected readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
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
        var catalog = IndexCatalog.Open(_folder.File("index"), () => StatementAnalyzer.Create(), clock: Clock);
        return (catalog, new IndexSynchronizer(_store, catalog, NullLogger<IndexSynchronizer>.Instance, Clock));
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _catalog.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    /// <summary>Read sessions on this index, as the service opens them.</summary>
    protected ReadSessions Sessions() => For(_catalog);

    public static ReadSessions For(IndexCatalog catalog) =>
        new(catalog, QueryBuilder.Standard(new EntityLinker(Gazetteer.Embedded)), new FacetLabels(Gazetteer.Embedded));

    protected FacetResult Facets(string q, SearchFilters filters, IReadOnlyList<string> fields)
    {
        using var session = Sessions().Open(new QueryRequest(q, filters));
        return session.Facets(new FacetSpec(fields));
    }

    protected async Task Ingest(params Statement[] statements)
    {
        await _store.UpsertAsync(statements);
        await _sync.CatchUpAsync();
    }

    protected SearchResult Search(string q, SearchSort sort = SearchSort.Relevance, int limit = 10, Cursor? after = null, SearchFilters? filters = null) =>
        Search(q, new SearchPage(sort, limit, after?.Position), filters, after?.Snapshot);

    protected SearchResult Search(string q, SearchPage page, SearchFilters? filters = null, long? snapshot = null)
    {
        using var session = Sessions().Open(new QueryRequest(q, filters ?? SearchFilters.None), snapshot);
        return session.Search(page);
    }
}
