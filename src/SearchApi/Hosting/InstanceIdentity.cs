namespace SearchApi.Hosting;

/// <summary>This process, among restarts and replicas: index snapshots and the cursors pinned to them live in one process.</summary>
public sealed class InstanceIdentity
{
    public long Id { get; } = Random.Shared.NextInt64(1, long.MaxValue);
}
