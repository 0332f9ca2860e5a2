using SearchApi.Core.Ingestion;

namespace SearchApi.Hosting;

/// <summary>Runs at most one index rebuild at a time in the background and remembers how the last one went.</summary>
public sealed class ReindexJobs(IndexSynchronizer synchronizer, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ReindexJobs> logger)
{
    public sealed record Status(string State, DateTimeOffset? StartedAt = null, DateTimeOffset? FinishedAt = null, RebuildResult? Result = null, string? Error = null);

    private readonly System.Threading.Lock _lock = new();
    private Status _status = new("idle");

    public Status Current
    {
        get
        {
            lock (_lock) return _status;
        }
    }

    /// <summary>Starts a rebuild unless one is running; returns the status either way.</summary>
    public Status Start()
    {
        lock (_lock)
        {
            if (_status.State == "running") return _status;
            _status = new Status("running", clock.GetUtcNow());
        }
        _ = Task.Run(async () =>
        {
            try
            {
                var result = await synchronizer.RebuildAsync(cancellationToken: lifetime.ApplicationStopping);
                lock (_lock) _status = _status with { State = "completed", FinishedAt = clock.GetUtcNow(), Result = result };
            }
            catch (Exception e)
            {
                logger.LogError(e, "Index rebuild failed");
                lock (_lock) _status = _status with { State = "failed", FinishedAt = clock.GetUtcNow(), Error = "The rebuild failed; the previous index stays in service. See the service log." };
            }
        });
        return Current;
    }
}
