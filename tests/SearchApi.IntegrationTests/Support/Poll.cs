namespace SearchApi.IntegrationTests.Support;

/// <summary>Waiting for something the service does in the background, always with a deadline.</summary>
public static class Poll
{
    /// <summary>Asks <paramref name="condition"/> every <paramref name="every"/> (default 50 ms) until it holds; fails the test at the deadline.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"{what}: not within {timeout.TotalSeconds:N0} s");
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }
}
