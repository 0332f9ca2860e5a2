namespace SearchApi.Core.Indexing;

/// <summary>
/// The index cannot answer or take writes now: its files are damaged or gone (it is being rebuilt from the store), or
/// it cannot be written. Answered 503 index_unavailable with Retry-After; the store is not affected.
/// </summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
