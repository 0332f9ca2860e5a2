using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SearchApi.Comparison.Report;

/// <summary>The machine a run was measured on, and the versions of everything measured.</summary>
public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Dotnet, string Postgres, string Sphinx, string Wrk)
{
    public static Machine Describe() => new(
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        FirstLine("postgres", "--version"),
        FirstLine("searchd", "--help"),
        FirstLine("wrk", "--version"));

    private static string FirstLine(string program, string argument)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, argument) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
