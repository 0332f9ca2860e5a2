namespace SearchApi.Core.Indexing;

/// <summary>A commit of the index whose files stay on disk until this is disposed (<see cref="StatementIndex.PinLastCommit"/>).</summary>
/// <param name="Folder">The generation's folder.</param>
/// <param name="Files">The commit's file names in it.</param>
/// <param name="Seq">The store sequence the commit brings the index up to.</param>
public sealed class PinnedCommit(string folder, IReadOnlyList<string> files, long seq, Action release) : IDisposable
{
    private int _released;

    public string Folder => folder;

    public IReadOnlyList<string> Files => files;

    public long Seq => seq;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) release();
    }
}
