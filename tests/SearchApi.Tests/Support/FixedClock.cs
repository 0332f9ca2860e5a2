namespace SearchApi.Tests.Support;

/// <summary>A clock stopped at one instant, so that year inference gives the same answer on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock GoldenDay = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
