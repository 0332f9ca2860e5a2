using System.Diagnostics;
using System.Globalization;

namespace SearchApi.Comparison.Engines;

/// <summary>Starting programs and reading their memory from /proc.</summary>
public static class ProcessTools
{
    public static ProcessStartInfo Info(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? directory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return info;
    }

    /// <summary>Runs a program to its end; returns its output, its wall time and its peak resident memory.</summary>
    public static async Task<(string Output, TimeSpan Took, long PeakBytes)> RunAsync(ProcessStartInfo info)
    {
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, Memory(process.Id, "VmHWM"));
            await Task.Delay(100);
        }
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{text[^Math.Min(text.Length, 4000)..]}");
        return (text, watch.Elapsed, peak);
    }

    /// <summary>A line of /proc/PID/status in bytes (VmRSS: now; VmHWM: the peak so far); 0 once the process is gone.</summary>
    public static long Memory(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            // Gone.
        }
        catch (UnauthorizedAccessException)
        {
            // Gone, or not ours.
        }
        return 0;
    }

    public static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
