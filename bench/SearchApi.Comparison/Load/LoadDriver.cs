using System.Diagnostics;

namespace SearchApi.Comparison.Load;

/// <summary>
/// Drives a peer (PostgreSQL, Sphinx) the way wrk drives our service: a fixed number of connections, each sending the
/// next query of the set as soon as the last one is answered, for a warm-up and then a measured period.
/// </summary>
public static class LoadDriver
{
    /// <summary>A connection of its own that runs query number i; it is disposed at the end.</summary>
    public interface IWorker : IAsyncDisposable
    {
        Task RunAsync(int query);
    }

    public static async Task<LoadResult> RunAsync(int connections, int queries, TimeSpan warmup, TimeSpan duration, Work work, Func<Task<IWorker>> connect)
    {
        var latencies = new List<double>[connections];
        var errors = new long[connections];
        var started = Stopwatch.StartNew();
        var measureFrom = warmup;
        var measureTo = warmup + duration;
        var workers = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => connect()));
        var runs = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            // Each connection walks the set from its own starting point, like wrk's threads.
            for (var k = 0; started.Elapsed < measureTo; k++)
            {
                var query = (c * queries / connections + k) % queries;
                var begin = started.Elapsed;
                try
                {
                    await workers[c].RunAsync(query);
                    var end = started.Elapsed;
                    if (begin >= measureFrom && end <= measureTo) latencies[c].Add((end - begin).TotalMilliseconds);
                }
                catch (Exception) when (begin >= measureFrom)
                {
                    errors[c]++;
                }
            }
        })).ToList();
        await Task.WhenAll(runs);
        foreach (var worker in workers) await worker.DisposeAsync();
        return LoadResult.From(connections, duration, latencies.SelectMany(l => l).ToList(), errors.Sum(), work);
    }
}
