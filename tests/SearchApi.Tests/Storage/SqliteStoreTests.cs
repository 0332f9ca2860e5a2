using Microsoft.Data.Sqlite;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Storage;

/// <summary>The store on a real SQLite file.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly SqlStatementStore _store;

    public SqliteStoreTests()
    {
        _store = new SqlStatementStore(new SqliteConnections(_folder.File("statements.db")), TimeProvider.System);
        _store.MigrateAsync().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task Migrations_are_versioned_and_run_once()
    {
        await _store.MigrateAsync();
        await using var connection = await new SqliteConnections(_folder.File("statements.db")).OpenAsync(default);
        Assert.Equal(0, await Migrator.ApplyAsync(connection, "sqlite", default));
        Assert.NotEmpty(Migrator.For("sqlite"));
        Assert.Equal(Migrator.For("sqlite").Select(m => m.Version), Migrator.For("sqlite").Select(m => m.Version).Order());
    }

    [Fact]
    public async Task Every_write_takes_the_next_sequence_numbers()
    {
        var first = await _store.UpsertAsync([TestStatements.Make("a", "Alpha."), TestStatements.Make("b", "Beta.")]);
        var second = await _store.UpsertAsync([TestStatements.Make("c", "Gamma.")]);

        Assert.Equal([1L, 2L], first.Select(r => r.Seq!.Value));
        Assert.All(first, r => Assert.Equal(WriteOutcome.Created, r.Outcome));
        Assert.Equal(3L, Assert.Single(second).Seq);
        Assert.Equal(3L, (await _store.GetStateAsync()).LastSeq);
    }

    [Fact]
    public async Task Re_ingesting_unchanged_content_is_a_no_op()
    {
        await _store.UpsertAsync([TestStatements.Make("a", "Alpha.")]);
        var again = await _store.UpsertAsync([TestStatements.Make("a", "Alpha.")]);

        Assert.Equal(WriteOutcome.Unchanged, Assert.Single(again).Outcome);
        Assert.Null(again[0].Seq);
        Assert.Equal(1L, (await _store.GetStateAsync()).LastSeq);
    }

    [Fact]
    public async Task Changed_content_replaces_the_row_by_id_with_a_new_sequence_number()
    {
        await _store.UpsertAsync([TestStatements.Make("a", "Alpha."), TestStatements.Make("b", "Beta.")]);
        var update = await _store.UpsertAsync([TestStatements.Make("a", "Alpha, corrected.")]);

        Assert.Equal(WriteOutcome.Updated, update[0].Outcome);
        Assert.Equal(3L, update[0].Seq);
        var stored = await _store.GetAsync("a");
        Assert.Equal("Alpha, corrected.", stored!.Statement!.Text);
        Assert.Equal(3L, stored.Seq);
        var changes = await _store.GetChangesAsync(0, 10);
        Assert.Equal(["b", "a"], changes.Select(c => c.Id));
    }

    [Fact]
    public async Task The_same_id_twice_in_one_batch_keeps_the_last()
    {
        var results = await _store.UpsertAsync([TestStatements.Make("a", "First."), TestStatements.Make("a", "Second.")]);

        Assert.Equal([WriteOutcome.Created, WriteOutcome.Updated], results.Select(r => r.Outcome));
        Assert.Equal("Second.", (await _store.GetAsync("a"))!.Statement!.Text);
    }

    [Fact]
    public async Task Deleting_leaves_a_tombstone_in_the_change_feed()
    {
        await _store.UpsertAsync([TestStatements.Make("a", "Alpha."), TestStatements.Make("b", "Beta.")]);
        var deleted = await _store.DeleteAsync("a");

        Assert.Equal(WriteOutcome.Deleted, deleted.Outcome);
        Assert.Null(await _store.GetAsync("a"));
        var tombstone = (await _store.GetChangesAsync(2, 10)).Single();
        Assert.True(tombstone.Deleted);
        Assert.Equal(3L, tombstone.Seq);
        Assert.Equal(WriteOutcome.NotFound, (await _store.DeleteAsync("a")).Outcome);
        Assert.Equal(WriteOutcome.Created, (await _store.UpsertAsync([TestStatements.Make("a", "Alpha.")]))[0].Outcome);
    }

    [Fact]
    public async Task Statements_round_trip_with_every_field()
    {
        var original = TestStatements.Make("full", "First paragraph.\n\nSecond paragraph.", date: new DateOnly(2022, 1, 17)) with
        {
            Url = "https://24.kg/x", Author = "Baktygul Osmonalieva", DatePrecision = "inferred",
            Entities = [new StatementEntity("person:sergey-lavrov", "person", new EntityLabels("Sergey Lavrov", "Сергей Лавров"), [new EntityMention("text", 3, 6)])],
        };
        await _store.UpsertAsync([original]);

        var stored = (await _store.GetAsync("full"))!.Statement!;
        Assert.Equal(original.Paragraphs, stored.Paragraphs);
        var entity = Assert.Single(stored.Entities);
        Assert.Equal(("person:sergey-lavrov", "person", "Сергей Лавров"), (entity.Id, entity.Type, entity.Labels.Ru));
        Assert.Equal(original.Entities[0].Mentions, entity.Mentions);
        Assert.Equal(original with { Paragraphs = stored.Paragraphs, Entities = stored.Entities }, stored);
    }

    [Fact]
    public async Task Change_feed_pages_in_sequence_order()
    {
        await _store.UpsertAsync(Enumerable.Range(0, 25).Select(i => TestStatements.Make($"s{i:00}", $"Statement {i}.")).ToList());

        var seen = new List<long>();
        long after = 0;
        IReadOnlyList<StoredStatement> page;
        while ((page = await _store.GetChangesAsync(after, 10)).Count > 0)
        {
            seen.AddRange(page.Select(p => p.Seq));
            after = page[^1].Seq;
        }
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task The_store_has_a_stable_identity()
    {
        var first = (await _store.GetStateAsync()).StoreId;
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, (await _store.GetStateAsync()).StoreId);
    }
}
