using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Storage;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Indexing;

/// <summary>A new replica's index from a copy of another's last commit, on real on-disk indexes.</summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private IndexCatalog Open(string name, Action<string>? seed = null) => IndexCatalog.Open(_folder.File(name), () => StatementAnalyzer.Create(), seed: seed);

    private static void Put(StatementIndex index, int count, bool commit = true)
    {
        index.Apply(Enumerable.Range(0, count).Select(i => new StoredStatement(index.IndexedSeq + i + 1, $"s-{index.IndexedSeq + i}", false,
            TestStatements.Make($"s-{index.IndexedSeq + i}", $"Statement {i} on grain exports."), "", DateTimeOffset.UnixEpoch)).ToList());
        if (commit) index.Commit();
        index.Refresh();
    }

    [Fact]
    public void A_new_index_starts_from_a_copied_commit_at_its_store_sequence()
    {
        using (var running = Open("running"))
        {
            Put(running.Current, 150);
            Put(running.Current, 7, commit: false);
            IndexSnapshots.CopyLastCommit(IndexCatalog.CurrentFolderOf(_folder.File("running"))!, _folder.File("snapshot"));
        }

        using var replica = Open("replica", target => IndexSnapshots.CopyFolder(_folder.File("snapshot"), target));
        Assert.Equal(150, replica.Current.DocumentCount);
        Assert.Equal(150, replica.Current.IndexedSeq);
        Put(replica.Current, 3);
        Assert.Equal(153, replica.Current.DocumentCount);
    }

    [Fact]
    public async Task A_pinned_commit_streams_as_tar_while_the_writer_goes_on()
    {
        using var running = Open("running");
        Put(running.Current, 100);
        var tar = new MemoryStream();
        using (var pinned = running.Current.PinLastCommit())
        {
            Assert.NotNull(pinned);
            Put(running.Current, 100);
            running.Current.Optimize();
            await IndexSnapshots.WriteTarAsync(pinned, tar);
        }
        tar.Position = 0;

        using var replica = Open("replica", target => IndexSnapshots.ExtractTarAsync(tar, target).GetAwaiter().GetResult());
        Assert.Equal(100, replica.Current.DocumentCount);
        Assert.Equal(100, replica.Current.IndexedSeq);
    }

    [Fact]
    public void A_snapshot_that_cannot_be_read_leaves_an_empty_index_to_build_from_the_store()
    {
        using var replica = Open("replica", _ => throw new IOException("no such snapshot"));
        Assert.Equal(0, replica.Current.DocumentCount);
        Assert.Equal(0, replica.Current.IndexedSeq);
    }

    [Fact]
    public void An_index_that_exists_is_never_replaced_by_a_snapshot()
    {
        using (var first = Open("replica")) Put(first.Current, 5);
        using var again = Open("replica", _ => throw new InvalidOperationException("must not be called"));
        Assert.Equal(5, again.Current.DocumentCount);
    }
}
