using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>A search that ran past its time limit.</summary>
public sealed class SearchTimeoutException(TimeSpan limit) : Exception($"The search took longer than {limit.TotalMilliseconds:N0} ms and was stopped.")
{
    public TimeSpan Limit { get; } = limit;
}

/// <summary>Passes matches to another collector until a deadline, then stops the search with <see cref="SearchTimeoutException"/>.</summary>
public sealed class DeadlineCollector(ICollector inner, TimeSpan limit, TimeProvider clock) : ICollector
{
    private const int CheckEvery = 256;
    private readonly long _started = clock.GetTimestamp();
    private int _sinceCheck;

    public bool AcceptsDocsOutOfOrder => inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Check();
        inner.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_sinceCheck >= CheckEvery)
        {
            _sinceCheck = 0;
            Check();
        }
        inner.Collect(doc);
    }

    private void Check()
    {
        if (clock.GetElapsedTime(_started) > limit) throw new SearchTimeoutException(limit);
    }

    /// <summary>Runs a search under a time limit (none when <paramref name="limit"/> is null).</summary>
    public static void Search(IndexSearcher searcher, Query query, Filter? filter, ICollector collector, TimeSpan? limit, TimeProvider clock) =>
        searcher.Search(query, filter, limit is { } l ? new DeadlineCollector(collector, l, clock) : collector);
}
