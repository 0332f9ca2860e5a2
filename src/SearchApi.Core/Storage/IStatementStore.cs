using SearchApi.Core.Statements;

namespace SearchApi.Core.Storage;

/// <summary>The SQL store, source of truth for statements. Every write takes the next numbers of one change sequence.</summary>
public interface IStatementStore
{
    /// <summary>Creates or upgrades the schema to the latest migration.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    Task<StoreState> GetStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces statements by id in one transaction; unchanged content is a no-op.</summary>
    Task<IReadOnlyList<WriteResult>> UpsertAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default);

    /// <summary>Replaces a statement with a tombstone that keeps its id and takes a new sequence number.</summary>
    Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A live statement by id, or null when unknown or deleted.</summary>
    Task<StoredStatement?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows (tombstones included) with a sequence number above <paramref name="afterSeq"/>, in sequence order; with
    /// <paramref name="changedSince"/>, only rows written at or after that instant.
    /// </summary>
    Task<IReadOnlyList<StoredStatement>> GetChangesAsync(long afterSeq, int limit, CancellationToken cancellationToken = default, DateTimeOffset? changedSince = null);

    /// <summary>Live statements (tombstones not counted).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
