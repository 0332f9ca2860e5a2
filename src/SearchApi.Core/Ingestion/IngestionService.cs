using Microsoft.Extensions.Logging;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Core.Ingestion;

/// <summary>
/// The one write path, for a single write, a bulk upload, an operator's ingest and a deletion alike: entities are
/// linked, statements go to the store (which makes them durable and numbers them), then the index catches up from the
/// store, so a write is searchable when it is acknowledged. While the index cannot take changes (its files are
/// damaged and being rebuilt, or cannot be written) writes are refused before anything is stored.
/// </summary>
public sealed class IngestionService(StatementWriter writer, IIndexFollower index, ILogger<IngestionService> logger)
{
    /// <exception cref="IndexUnavailableException">The index cannot take changes now.</exception>
    public Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default) =>
        IngestAsync(statements, catchUp: true, cancellationToken);

    /// <param name="catchUp">
    /// False to leave the index behind for now (a bulk load catches up every so often, then calls
    /// <see cref="FinishBulkLoadAsync"/>): the statements are durable in the store either way.
    /// </param>
    /// <exception cref="IndexUnavailableException">The index cannot take changes now.</exception>
    public async Task<IReadOnlyList<WriteResult>> IngestAsync(IReadOnlyList<Statement> statements, bool catchUp, CancellationToken cancellationToken = default)
    {
        EnsureIndexTakesWrites();
        var results = await writer.WriteAsync(statements, cancellationToken);
        if (catchUp && results.Any(r => r.Outcome != WriteOutcome.Unchanged)) await CatchUpAsync(cancellationToken);
        return results;
    }

    /// <exception cref="IndexUnavailableException">The index cannot take changes now.</exception>
    public async Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        EnsureIndexTakesWrites();
        var result = await writer.DeleteAsync(id, cancellationToken);
        if (result.Outcome == WriteOutcome.Deleted) await CatchUpAsync(cancellationToken);
        return result;
    }

    /// <summary>Ends a bulk load: the index takes everything written, commits, and merges into one segment.</summary>
    public Task FinishBulkLoadAsync(CancellationToken cancellationToken = default) => index.FinishBulkLoadAsync(cancellationToken);

    private void EnsureIndexTakesWrites()
    {
        if (index.WriteRefusal is { } refusal) throw new IndexUnavailableException(refusal);
    }

    /// <summary>Brings the index up to the store now; a failure is logged, not thrown (the write is committed and acknowledged whatever happens here: the store tail retries).</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await index.CatchUpAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The index could not catch up after a committed write; it will on the next tick");
        }
    }
}
