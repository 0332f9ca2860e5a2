using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace SearchApi.Contracts;

/// <summary>Parameters of GET /api/v1/documents (the partner feed).</summary>
public sealed class FeedParameters
{
    /// <summary>Where to resume: the nextCursor of the previous page (kept from any earlier call, however long ago). Empty starts at the beginning of the store.</summary>
    /// <example></example>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>Changes per page, 1 to 1000. Default 100.</summary>
    /// <example>100</example>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>Start with the changes made at or after this instant (ISO 8601, e.g. 2026-11-01T00:00:00Z) instead of the beginning. Only without cursor.</summary>
    /// <example>2026-11-01T00:00:00Z</example>
    [FromQuery(Name = "changedSince")]
    public DateTimeOffset? ChangedSince { get; init; }
}

/// <summary>A page of the store's changes in the order they were made.</summary>
/// <param name="Items">Statements as they now are, and tombstones of deleted ones, in sequence order.</param>
/// <param name="NextCursor">Where the next page starts. Always set: store it and call again later to get only what changed since.</param>
/// <param name="HasMore">Whether more changes are waiting now; when false, poll again later with nextCursor.</param>
/// <param name="LastSeq">The store's latest sequence number when this page was read.</param>
public sealed record FeedResponse(IReadOnlyList<FeedItemResponse> Items, string NextCursor, bool HasMore, long LastSeq);

/// <summary>One change: a statement as it now is, or the tombstone of a deleted one ({id, deleted: true, seq}).</summary>
/// <param name="Seq">Position in the store's change sequence; a statement changed again later reappears with a higher seq.</param>
/// <param name="Deleted">true for a tombstone: remove the statement with this id from your mirror.</param>
/// <param name="UpdatedAt">When the store made this change (UTC).</param>
/// <param name="Statement">The whole statement as GET /api/v1/documents/{id} returns it; absent on tombstones.</param>
public sealed record FeedItemResponse(
    string Id,
    long Seq,
    bool Deleted,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DocumentResponse? Statement);
