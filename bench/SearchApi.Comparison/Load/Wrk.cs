using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SearchApi.Comparison.Load;

/// <summary>Runs wrk (the Debian package) against our service with bench/wrk/queries.lua and reads its JSON line.</summary>
public static class Wrk
{
    public static async Task<LoadResult> RunAsync(string repo, string baseUrl, string pathsFile, int connections, TimeSpan warmup, TimeSpan duration, Work work)
    {
        if (warmup > TimeSpan.Zero) await RunOnceAsync(repo, baseUrl, pathsFile, connections, warmup);
        var json = await RunOnceAsync(repo, baseUrl, pathsFile, connections, duration);
        var seconds = json.GetProperty("duration_us").GetInt64() / 1e6;
        var requests = json.GetProperty("requests").GetInt64();
        var errors = new[] { "connect", "read", "write", "status", "timeout" }.Sum(e => json.GetProperty(e).GetInt64());
        return new LoadResult(connections, seconds, requests, errors, requests / seconds,
            json.GetProperty("p50_us").GetInt64() / 1000.0, json.GetProperty("p99_us").GetInt64() / 1000.0, WorkNames.Of(work));
    }

    /// <summary>Load that is not measured: a freshly started service compiles its hot paths and fills its caches first.</summary>
    public static Task WarmAsync(string repo, string baseUrl, string pathsFile, int connections, TimeSpan duration) =>
        RunOnceAsync(repo, baseUrl, pathsFile, connections, duration);

    private static async Task<JsonElement> RunOnceAsync(string repo, string baseUrl, string pathsFile, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-t", Math.Min(2, connections).ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "10s", "-s", Path.Combine(repo, "bench", "wrk", "queries.lua"), baseUrl, "--", pathsFile,
        }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith('{'))
            ?? throw new InvalidOperationException($"wrk printed no result (exit {process.ExitCode}):\n{output}\n{error}");
        return JsonDocument.Parse(line).RootElement.Clone();
    }
}
