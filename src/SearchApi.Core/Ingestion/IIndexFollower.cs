namespace SearchApi.Core.Ingestion;

/// <summary>
/// The index side of the write path, as this process holds it: the index that follows the store
/// (<see cref="IndexSynchronizer"/>), or nothing, when another process (the running service) holds the index and an
/// operator's command only writes the store (<see cref="StoreOnly"/>).
/// </summary>
public interface IIndexFollower
{
    /// <summary>Why writes must be refused now (the index cannot take them); null when they may go ahead.</summary>
    string? WriteRefusal { get; }

    /// <summary>Brings the index up to the store; written statements are searchable once it returns.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken = default);

    /// <summary>After a bulk load: catches up, commits, and merges the index into one segment.</summary>
    Task FinishBulkLoadAsync(CancellationToken cancellationToken = default);

    /// <summary>No index in this process: another one follows the store and takes the writes within a second.</summary>
    public static readonly IIndexFollower StoreOnly = new NoIndex();

    private sealed class NoIndex : IIndexFollower
    {
        public string? WriteRefusal => null;

        public Task CatchUpAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task FinishBulkLoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
