using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Indexing;

/// <summary>
/// A statement the index cannot take never stops the others: it is skipped and recorded (id, sequence, reason), the
/// statements after it are indexed, the record survives a restart, and it is tried again at the next start and on reindex.
/// </summary>
public sealed class PoisonStatementTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqlStatementStore _store;

    public PoisonStatementTests()
    {
        _store = new SqlStatementStore(SqliteConnections.ForFile(_folder.File("statements.db")), TimeProvider.System);
        _store.MigrateAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private (IndexCatalog Catalog, IndexSynchronizer Sync) Open(Func<Lucene.Net.Analysis.Analyzer> analysis)
    {
        var catalog = IndexCatalog.Open(_folder.File("index"), analysis);
        return (catalog, new IndexSynchronizer(_store, catalog, NullLogger<IndexSynchronizer>.Instance));
    }

    private static List<string> Ids(IndexCatalog catalog, string query)
    {
        using var session = IndexTestBase.For(catalog).Open(new SearchApi.Core.Search.QueryRequest(query, SearchApi.Core.Search.SearchFilters.None));
        return session.Search(new SearchApi.Core.Search.SearchPage(SearchApi.Core.Search.SearchSort.DateDescending, 100))
            .Hits.Select(h => h.Statement.Id).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task A_statement_that_cannot_be_indexed_is_skipped_and_the_others_go_on()
    {
        var (catalog, sync) = Open(() => new PoisonedAnalysis());
        using (catalog)
        {
            await _store.UpsertAsync([TestStatements.Make("a", "Talks in Minsk."), TestStatements.Make("b", $"Talks and a {PoisonedAnalysis.Word}."), TestStatements.Make("c", "Talks in Bishkek.")]);
            await sync.CatchUpAsync();
            // A later write is indexed too: the skipped one does not block the sequence.
            await _store.UpsertAsync([TestStatements.Make("d", "Talks in Astana.")]);
            await sync.CatchUpAsync();

            Assert.Equal(["a", "c", "d"], Ids(catalog, "talks"));
            var skipped = Assert.Single(catalog.Current.Skipped);
            Assert.Equal("b", skipped.Id);
            Assert.Equal(2, skipped.Seq);
            Assert.Contains("could not be analysed", skipped.Reason);
            Assert.Equal(4, catalog.Current.SearchableSeq);
            Assert.Null(sync.Failure);
        }

        // The record survives a restart with the index; with analysis that works again, the start retries it.
        (catalog, sync) = Open(() => new PoisonedAnalysis());
        using (catalog) Assert.Equal("b", Assert.Single(catalog.Current.Skipped).Id);
        (catalog, sync) = Open(() => StatementAnalyzer.Create());
        using (catalog)
        {
            await sync.CatchUpAsync();
            Assert.Empty(catalog.Current.Skipped);
            Assert.Equal(["a", "b", "c", "d"], Ids(catalog, "talks"));
        }
    }

    [Fact]
    public async Task A_new_version_of_a_skipped_statement_replaces_the_record_and_a_deletion_clears_it()
    {
        var (catalog, sync) = Open(() => new PoisonedAnalysis());
        using (catalog)
        {
            await _store.UpsertAsync([TestStatements.Make("a", "First talks."), TestStatements.Make("b", $"A {PoisonedAnalysis.Word}.")]);
            await sync.CatchUpAsync();
            Assert.Single(catalog.Current.Skipped);

            // A statement whose old version was indexed and whose new one fails: the old one is not left to answer.
            await _store.UpsertAsync([TestStatements.Make("a", $"First talks, {PoisonedAnalysis.Word}.")]);
            await sync.CatchUpAsync();
            Assert.Empty(Ids(catalog, "first"));
            Assert.Equal(["a", "b"], catalog.Current.Skipped.Select(s => s.Id).Order(StringComparer.Ordinal));

            await _store.UpsertAsync([TestStatements.Make("a", "First talks, corrected.")]);
            await _store.DeleteAsync("b");
            await sync.CatchUpAsync();
            Assert.Empty(catalog.Current.Skipped);
            Assert.Equal(["a"], Ids(catalog, "first"));
        }
    }

    [Fact]
    public async Task A_rebuild_tries_every_skipped_statement_again()
    {
        var analysis = new PoisonSwitch();
        var (catalog, sync) = Open(analysis.Create);
        using (catalog)
        {
            await _store.UpsertAsync([TestStatements.Make("a", "Alpha talks."), TestStatements.Make("b", $"Beta talks, {PoisonedAnalysis.Word}.")]);
            await sync.CatchUpAsync();
            Assert.Single(catalog.Current.Skipped);

            analysis.Poisoned = false;
            await sync.RebuildAsync();
            Assert.Empty(catalog.Current.Skipped);
            Assert.Equal(["a", "b"], Ids(catalog, "talks"));
        }
    }

    /// <summary>Analysis that fails on the poison word until told otherwise (a fixed release, in effect).</summary>
    private sealed class PoisonSwitch
    {
        public bool Poisoned { get; set; } = true;

        public Lucene.Net.Analysis.Analyzer Create() => Poisoned ? new PoisonedAnalysis() : StatementAnalyzer.Create();
    }
}
