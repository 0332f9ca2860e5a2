using System.Collections.Concurrent;

namespace SearchApi.Core.Indexing;

/// <summary>
/// Pages of index files held in memory for <see cref="PagedDirectory"/>, shared by every input, within a budget: the
/// part of a memory map that made reads fast, without the part that makes a truncated file fault the process. A page
/// is read once (positional read) and then served from memory; when the budget is exceeded, pages are dropped in the
/// order they were read, each recently used page getting a second chance (the clock algorithm). A dropped page is read
/// again when next needed — from the operating system's own file cache, usually.
/// </summary>
public sealed class IndexPageCache(long budgetBytes)
{
    public const int PageSize = 16 * 1024;

    /// <summary>The budget the service runs with unless configured (SearchApi:IndexCacheMegabytes).</summary>
    public const int DefaultMegabytes = 512;

    private static readonly Lazy<IndexPageCache> DefaultCache = new(() => new IndexPageCache((long)DefaultMegabytes * 1024 * 1024));

    private readonly ConcurrentQueue<(CachedFile File, int Page)> _loaded = new();
    private long _usedBytes;
    private int _evicting;

    /// <summary>A cache with the default budget, for tools and tests that open indexes without the service's settings.</summary>
    public static IndexPageCache Default => DefaultCache.Value;

    public long BudgetBytes { get; } = budgetBytes;

    /// <summary>Bytes of pages held now.</summary>
    public long UsedBytes => Interlocked.Read(ref _usedBytes);

    internal void Added(CachedFile file, int page, int bytes)
    {
        _loaded.Enqueue((file, page));
        if (Interlocked.Add(ref _usedBytes, bytes) > BudgetBytes || _loaded.Count > 4 * (UsedBytes / PageSize) + 4_096) Evict();
    }

    internal void Removed(int bytes) => Interlocked.Add(ref _usedBytes, -bytes);

    // Drops pages until a tenth of the budget is free again; one thread at a time, the others go on reading.
    private void Evict()
    {
        if (Interlocked.Exchange(ref _evicting, 1) != 0) return;
        try
        {
            var target = BudgetBytes - BudgetBytes / 10;
            // Every entry is looked at most twice per round (a second chance re-queues it once).
            for (var budget = 2 * _loaded.Count + 1; budget > 0 && UsedBytes > target && _loaded.TryDequeue(out var entry); budget--)
            {
                if (entry.File.IsDisposed) continue;
                if (entry.File.TakeUsedMark(entry.Page)) _loaded.Enqueue(entry);
                else entry.File.Evict(entry.Page);
            }
            // Entries of closed files (segments merged away) wait in the queue until met: sweep them out when they pile up.
            if (_loaded.Count > 4 * (UsedBytes / PageSize) + 4_096)
                for (var left = _loaded.Count; left > 0 && _loaded.TryDequeue(out var entry); left--)
                    if (!entry.File.IsDisposed) _loaded.Enqueue(entry);
        }
        finally
        {
            Volatile.Write(ref _evicting, 0);
        }
    }
}
