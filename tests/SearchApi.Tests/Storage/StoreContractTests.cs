using SearchApi.Core.Statements;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Storage;

/// <summary>
/// What every store engine must do, run once per engine on a real database: a SQLite file
/// (<see cref="SqliteStoreTests"/>) and a PostgreSQL server started from the machine's binaries (<see cref="PostgresStoreTests"/>).
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private readonly IStoreConnections _connections;
    private readonly SqlStatementStore _store;

    protected StoreContractTests()
    {
        _connections = FreshConnections();
        _store = new SqlStatementStore(_connections, TimeProvider.System);
        _store.MigrateAsync().GetAwaiter().GetResult();
    }

    /// <summary>Connections to a new, empty database.</summary>
    protected abstract IStoreConnections FreshConnections();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public async Task Migrations_are_versioned_and_run_once()
    {
        await _store.MigrateAsync();
        Assert.Equal(0, await Migrator.ApplyAsync(_connections, default));
        var migrations = Migrator.For(_connections.Dialect);
        Assert.NotEmpty(migrations);
        Assert.Equal(migrations.Select(m => m.Version), migrations.Select(m => m.Version).Order());
        Assert.Equal(Migrator.For(StoreEngines.Sqlite).Select(m => (m.Version, m.Name)), migrations.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_once()
    {
        var fresh = FreshConnections();
        var applied = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator.ApplyAsync(fresh, default))));

        Assert.Equal(Migrator.For(fresh.Dialect).Count, applied.Sum());
        Assert.Equal(0L, (await new SqlStatementStore(fresh, TimeProvider.System).GetStateAsync()).LastSeq);
    }

    [Fact]
    public async Task Concurrent_writers_take_gapless_sequence_numbers_in_commit_order()
    {
        // Two stores on one database stand for two replicas writing at the same time.
        var other = new SqlStatementStore(_connections, TimeProvider.System);
        var writes = Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? _store : other)
            .UpsertAsync([TestStatements.Make($"w{i:00}a", $"Write {i} first."), TestStatements.Make($"w{i:00}b", $"Write {i} second.")])));
        var results = (await Task.WhenAll(writes)).SelectMany(r => r).ToList();

        Assert.All(results, r => Assert.Equal(WriteOutcome.Created, r.Outcome));
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), results.Select(r => r.Seq!.Value).Order());
        var changes = await _store.GetChangesAsync(0, 1_000);
        Assert.Equal(Enumerable.Range(1, 80).Select(i => (long)i), changes.Select(c => c.Seq));
        // One write's statements are consecutive: no other write interleaved with it.
        Assert.All(changes.Where(c => c.Id.EndsWith('a')), c => Assert.Equal(c.Id[..^1] + "b", changes.Single(n => n.Seq == c.Seq + 1).Id));
    }

    [Fact]
    public async Task Concurrent_writes_of_the_same_content_store_it_once()
    {
        var stores = Enumerable.Range(0, 8).Select(_ => new SqlStatementStore(_connections, TimeProvider.System)).ToList();
        var all = await Task.WhenAll(stores.Select(store => Task.Run(() => store.UpsertAsync(
            Enumerable.Range(0, 50).Select(i => TestStatements.Make($"same{i}", $"Same text {i}.")).ToList()))));

        var outcomes = all.SelectMany(r => r).GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(50, outcomes[WriteOutcome.Created]);
        Assert.Equal(350, outcomes[WriteOutcome.Unchanged]);
        Assert.Equal(50L, (await _store.GetStateAsync()).LastSeq);
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
    public async Task The_change_feed_filters_by_the_time_of_the_last_change()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var store = new SqlStatementStore(_connections, clock);
        await store.UpsertAsync([TestStatements.Make("early", "Early.")]);
        clock.Advance(TimeSpan.FromHours(2));
        await store.UpsertAsync([TestStatements.Make("late", "Late.")]);
        await store.DeleteAsync("early");

        var since = await store.GetChangesAsync(0, 10, changedSince: new DateTimeOffset(2026, 3, 1, 13, 0, 0, TimeSpan.Zero));
        Assert.Equal(["late", "early"], since.Select(c => c.Id));
        Assert.True(since[1].Deleted);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 14, 0, 0, TimeSpan.Zero), since[0].UpdatedAt);
        Assert.Empty(await store.GetChangesAsync(0, 10, changedSince: clock.GetUtcNow().AddMilliseconds(1)));
        Assert.Equal(1L, await store.CountAsync());
    }

    [Fact]
    public async Task Russian_text_and_long_statements_round_trip()
    {
        var text = string.Join("\n\n", Enumerable.Range(0, 2_000).Select(i => $"Абзац {i}: «Министр иностранных дел» — Ёлкин, 𝔘nicode 🙂."));
        await _store.UpsertAsync([TestStatements.Make("ru", text, Languages.Russian)]);

        var stored = (await _store.GetAsync("ru"))!.Statement!;
        Assert.Equal(text, stored.Text);
        Assert.Equal(Languages.Russian, stored.Lang);
    }

    [Fact]
    public async Task The_store_has_a_stable_identity()
    {
        var first = (await _store.GetStateAsync()).StoreId;
        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.Equal(first, (await _store.GetStateAsync()).StoreId);
    }
}
