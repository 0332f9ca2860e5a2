using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Ingestion;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Search;

/// <summary>Store, on-disk index and search together: the write path and the read path without HTTP.</summary>
public sealed class IndexAndSearchTests : IndexTestBase
{
    [Fact]
    public async Task Catch_up_applies_store_changes_and_records_the_sequence_in_the_commit()
    {
        await Ingest(TestStatements.Make("a", "Humanitarian corridors were opened."), TestStatements.Make("b", "Talks in Minsk."));
        Assert.Equal(2, _index.IndexedSeq);
        Assert.Equal(2, _index.DocumentCount);

        _catalog.Dispose();
        (_catalog, _sync) = OpenIndex();
        Assert.Equal(2, _index.IndexedSeq);
        Assert.Equal((await _store.GetStateAsync()).StoreId, _index.StoreId);
    }

    [Fact]
    public async Task An_index_behind_the_store_catches_up_from_its_sequence()
    {
        await Ingest(TestStatements.Make("a", "Alpha talks."));
        _catalog.Dispose();
        await _store.UpsertAsync([TestStatements.Make("b", "Beta talks."), TestStatements.Make("a", "Alpha talks, revised.")]);
        await _store.DeleteAsync("a");

        (_catalog, _sync) = OpenIndex();
        Assert.Equal(1, _index.IndexedSeq);
        await _sync.CatchUpAsync();

        Assert.Equal(4, _index.IndexedSeq);
        Assert.Equal(["b"], Search("talks").Hits.Select(h => h.Statement.Id));
    }

    [Fact]
    public async Task An_index_from_another_store_is_rebuilt()
    {
        await Ingest(TestStatements.Make("a", "Alpha."));
        _catalog.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_folder.File("statements.db"));
        await _store.MigrateAsync();
        await _store.UpsertAsync([TestStatements.Make("z", "Zulu.")]);

        (_catalog, _sync) = OpenIndex();
        await _sync.CatchUpAsync();

        Assert.Equal(["z"], Search("").Hits.Select(h => h.Statement.Id));
    }

    [Fact]
    public async Task Stemmed_matches_are_found_and_highlighted()
    {
        await Ingest(TestStatements.Make("a", "The Ukrainian authorities refused to open this corridor. Nothing else happened here. Humanitarian corridors were agreed later."));

        var hit = Assert.Single(Search("corridors").Hits);
        var marked = hit.Snippets.SelectMany(s => s.Highlights.Select(h => s.Text.Substring(h.Start, h.Length))).ToList();
        Assert.Equal(["corridor", "corridors"], marked);
        Assert.DoesNotContain(hit.Snippets, s => s.Text.Contains("Nothing else"));
    }

    [Fact]
    public async Task Snippets_of_long_sentences_are_cut_around_the_match()
    {
        var words = string.Join(' ', Enumerable.Range(0, 120).Select(i => $"word{i}"));
        await Ingest(TestStatements.Make("a", $"{words} Kazakbayev {words}."));

        var snippet = Assert.Single(Assert.Single(Search("Kazakbayev").Hits).Snippets);
        Assert.True(snippet.Text.Length <= SnippetOptions.DefaultLength + 2);
        Assert.StartsWith("…", snippet.Text);
        Assert.EndsWith("…", snippet.Text);
        var highlight = Assert.Single(snippet.Highlights);
        Assert.Equal("Kazakbayev", snippet.Text.Substring(highlight.Start, highlight.Length));
    }

    [Fact]
    public async Task Search_after_pages_through_ties_exactly()
    {
        var statements = Enumerable.Range(0, 23).Select(i => TestStatements.Make($"id{i:00}", "Identical text about talks.", date: i % 3 == 0 ? null : new DateOnly(2020, 1, 1 + i % 2))).ToArray();
        await Ingest(statements);

        foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Date, SearchSort.DateDescending })
        {
            var seen = new List<string>();
            Cursor? after = null;
            do
            {
                var page = Search("talks", sort, 4, after);
                Assert.Equal(23, page.Total);
                seen.AddRange(page.Hits.Select(h => h.Statement.Id));
                after = page.Next;
            }
            while (after is not null);
            Assert.Equal(23, seen.Distinct().Count());
            Assert.Equal(23, seen.Count);
        }
    }

    [Theory]
    [InlineData("Лавровым", "exact", "Министр встретился с Сергеем Лавровым в Москве.", "Министр встретился с Сергеем Лавровой в Москве. Лаврова поблагодарили.")]
    [InlineData("ёлка", "exact", "Новогодняя ёлка стоит на площади.", "Новогодние ёлки стоят на площади.")]
    [InlineData("humanitarian corridors", "phrase", "They opened humanitarian corridors for civilians.", "Corridors were closed; humanitarian aid was delivered later by other corridors.")]
    public async Task Exact_forms_and_phrases_rank_above_other_forms(string query, string why, string better, string worse)
    {
        var lang = query.Any(c => c > 'z') ? Languages.Russian : Languages.English;
        await Ingest(TestStatements.Make("worse", worse, lang, title: "Новости"), TestStatements.Make("better", better, lang, title: "Новости"));

        var ids = Search(query).Hits.Select(h => h.Statement.Id).ToList();
        Assert.True(ids.SequenceEqual(["better", "worse"]), $"{why}: {string.Join(", ", ids)}");
    }

    [Fact]
    public async Task Equal_relevance_is_ordered_newest_first_then_undated()
    {
        await Ingest(
            TestStatements.Make("old", "Talks in Bishkek.", date: new DateOnly(2020, 1, 1), title: "Talks"),
            TestStatements.Make("undated", "Talks in Bishkek.", title: "Talks"),
            TestStatements.Make("new", "Talks in Bishkek.", date: new DateOnly(2021, 1, 1), title: "Talks"));

        Assert.Equal(["new", "old", "undated"], Search("Bishkek").Hits.Select(h => h.Statement.Id));
    }

    [Fact]
    public async Task A_snapshot_outlives_writes_until_it_is_pruned()
    {
        await Ingest(TestStatements.Make("a", "Alpha talks."));
        using (var snapshot = _index.OpenSnapshot()!)
        {
            await Ingest(TestStatements.Make("b", "Beta talks."));
            using var again = _index.OpenSnapshot(snapshot.Version);
            Assert.NotNull(again);
            Assert.Equal(1, again.Searcher.IndexReader.NumDocs);

            _index.SnapshotLifetime = TimeSpan.Zero;
            // Superseded snapshots are looked at once a minute, by the index's clock.
            Clock.Advance(TimeSpan.FromMinutes(2));
            using var current = _index.OpenSnapshot();
            Assert.Equal(2, current!.Searcher.IndexReader.NumDocs);
        }
        Assert.Null(_index.OpenSnapshot(0));
    }

    [Fact]
    public async Task Titles_rank_above_bodies()
    {
        await Ingest(
            TestStatements.Make("body", "Talks in Bishkek. Other matters were discussed at length over two days.", title: "Regional news"),
            TestStatements.Make("title", "Other matters were discussed at length over two days.", title: "Talks in Bishkek"));

        Assert.Equal(["title", "body"], Search("Bishkek").Hits.Select(h => h.Statement.Id));
    }

    [Fact]
    public async Task Facets_count_exactly_under_a_filter()
    {
        await Ingest(
            TestStatements.Make("a", "Talks.", date: new DateOnly(2021, 5, 1)),
            TestStatements.Make("b", "Talks.", lang: Languages.Russian, source: "24.kg", date: new DateOnly(2022, 5, 1)),
            TestStatements.Make("c", "Talks.", source: null),
            TestStatements.Make("d", "Other.", kind: StatementKinds.Transcript));

        var all = Facets("", SearchFilters.None, IndexFields.KeywordFacets);
        Assert.Equal(4, all.Total);
        Assert.Equal([("mid.ru", 2), ("24.kg", 1)], all.Fields[IndexFields.Source].Select(v => (v.Value, v.Count)));
        Assert.Equal([("news", 3), ("transcript", 1)], all.Fields[IndexFields.Kind].Select(v => (v.Value, v.Count)));

        var filtered = Facets("talks", SearchFilters.None with { Langs = [Languages.English] }, [IndexFields.Year, IndexFields.Lang]);
        Assert.Equal(2, filtered.Total);
        Assert.Equal([("2021", 1)], filtered.Fields[IndexFields.Year].Select(v => (v.Value, v.Count)));
        // Multi-select: the lang facet ignores the lang filter.
        Assert.Equal([("en", 2), ("ru", 1)], filtered.Fields[IndexFields.Lang].Select(v => (v.Value, v.Count)));
    }

    [Fact]
    public async Task Words_close_together_rank_first_and_cursor_pages_follow_the_one_shot_order_past_the_bonus_window()
    {
        // More matches than the proximity window, so that paging crosses from rescored hits into the rest.
        var statements = Enumerable.Range(0, ProximityRescorer.Window + 60).Select(i => TestStatements.Make(
            $"s{i:000}",
            i % 7 == 0 ? $"Talks {i}: nuclear weapons were discussed at length today." : $"Talks {i}: nuclear plants and weapons were discussed today.",
            date: new DateOnly(2020, 1, 1).AddDays(i))).ToArray();
        await Ingest(statements);

        var oneShot = Search("nuclear weapons", limit: 1_000);
        Assert.Equal(statements.Length, oneShot.Total);
        Assert.Equal(statements.Length, oneShot.Hits.Select(h => h.Statement.Id).Distinct().Count());
        // Equal scores otherwise, so the window holds the newest statements: within it, words together come first;
        // older statements with the words together, outside it, keep their place after it (the price of rescoring).
        var newest = Enumerable.Range(statements.Length - ProximityRescorer.Window, ProximityRescorer.Window);
        var together = newest.Where(i => i % 7 == 0).Select(i => $"s{i:000}").OrderDescending().ToList();
        Assert.Equal(together, oneShot.Hits.Take(together.Count).Select(h => h.Statement.Id));
        Assert.Equal(ProximityRescorer.Window + 3, oneShot.Hits.Select(h => h.Statement.Id).ToList().IndexOf("s056")); // after s059, s058, s057

        var paged = new List<string>();
        Cursor? cursor = null;
        do
        {
            var page = Search("nuclear weapons", limit: 7, after: cursor);
            paged.AddRange(page.Hits.Select(h => h.Statement.Id));
            cursor = page.Next;
        }
        while (cursor is not null);
        Assert.Equal(oneShot.Hits.Select(h => h.Statement.Id), paged);
    }
}
