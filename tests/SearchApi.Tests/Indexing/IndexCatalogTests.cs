using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Indexing;

public sealed class IndexCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private IndexCatalog Open() => IndexCatalog.Open(_folder.Path, () => StatementAnalyzer.Create());

    private static void Put(StatementIndex index, params string[] ids)
    {
        index.Apply(ids.Select((id, i) => new StoredStatement(index.IndexedSeq + i + 1, id, false, TestStatements.Make(id, $"Statement {id}."), "", DateTimeOffset.UnixEpoch)).ToList());
        index.Commit();
        index.Refresh();
    }

    [Fact]
    public void A_new_catalog_starts_generation_one_and_names_it_in_CURRENT()
    {
        using var catalog = Open();
        Assert.Equal("gen-1", File.ReadAllText(_folder.File("CURRENT")));
        Assert.True(Directory.Exists(_folder.File("gen-1")));
        Assert.False(catalog.RecoveredFromDamage);
    }

    [Fact]
    public void A_swapped_generation_serves_at_once_and_is_the_one_reopened()
    {
        using (var catalog = Open())
        {
            Put(catalog.Current, "old");
            var (fresh, folder) = catalog.CreateGeneration();
            Put(fresh, "new-1", "new-2");
            catalog.Swap(fresh, folder);
            Assert.Equal(2, catalog.Current.DocumentCount);
            Assert.Equal("gen-2", File.ReadAllText(_folder.File("CURRENT")));
        }
        using var reopened = Open();
        Assert.Equal(2, reopened.Current.DocumentCount);
        Assert.False(Directory.Exists(_folder.File("gen-1")), "the retired generation is removed at the latest on the next start");
    }

    [Fact]
    public void A_generation_whose_files_are_damaged_is_replaced_by_an_empty_one()
    {
        using (var catalog = Open()) Put(catalog.Current, "a", "b");
        foreach (var file in Directory.GetFiles(_folder.File("gen-1"), "segments*")) File.WriteAllText(file, "garbage");

        using var recovered = Open();
        Assert.True(recovered.RecoveredFromDamage);
        Assert.Equal(0, recovered.Current.DocumentCount);
        Assert.Null(recovered.Current.StoreId);
    }

    [Fact]
    public void An_index_locked_by_another_process_is_not_mistaken_for_damage()
    {
        using var first = Open();
        Put(first.Current, "a");
        Assert.ThrowsAny<Lucene.Net.Store.LockObtainFailedException>(Open);
        Assert.Equal(1, first.Current.DocumentCount);
    }

    [Fact]
    public void A_read_only_catalog_searches_beside_the_writer_and_refuses_writes()
    {
        using var writer = Open();
        Put(writer.Current, "a", "b");
        using var reader = IndexCatalog.OpenReadOnly(_folder.Path, () => StatementAnalyzer.Create());
        Assert.Equal(2, reader.Current.DocumentCount);
        Assert.Throws<InvalidOperationException>(() => Put(reader.Current, "c"));
    }

    [Fact]
    public void Stray_generations_from_an_interrupted_rebuild_are_removed_at_start()
    {
        using (var catalog = Open())
        {
            var (fresh, _) = catalog.CreateGeneration();
            fresh.Dispose();
        }
        Assert.True(Directory.Exists(_folder.File("gen-2")));
        using var reopened = Open();
        Assert.False(Directory.Exists(_folder.File("gen-2")));
        Assert.Equal("gen-1", File.ReadAllText(_folder.File("CURRENT")));
    }
}
