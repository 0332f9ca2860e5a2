using SearchApi.Core.Statements;

namespace SearchApi.Core.Storage;

/// <summary>A row of the store: a statement (null once deleted) with its place in the change sequence.</summary>
public sealed record StoredStatement(long Seq, string Id, bool Deleted, Statement? Statement, string ContentHash, DateTimeOffset UpdatedAt);

/// <summary>What a write did to one statement.</summary>
public enum WriteOutcome
{
    Created,
    Updated,
    /// <summary>The store already held exactly this content; nothing was written and no sequence number taken.</summary>
    Unchanged,
    Deleted,
    NotFound,
}

public sealed record WriteResult(string Id, WriteOutcome Outcome, long? Seq);

/// <summary>The store's identity and its highest sequence number.</summary>
public sealed record StoreState(string StoreId, long LastSeq);
