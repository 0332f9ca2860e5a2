using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SearchApi.Tests.Support;

/// <summary>
/// A PostgreSQL server of its own: <c>initdb</c> and <c>pg_ctl</c> from the binaries on the machine (as the postgres
/// user when this process is root, which initdb refuses to be), on 127.0.0.1 and a free port, in a temporary folder;
/// stopped and deleted on dispose. Used by the tests (<see cref="PostgresServer"/>) and by the benchmarks.
/// </summary>
public sealed class ThrowawayPostgres : IDisposable
{
    public const string User = "searchapi";

    private readonly string _folder;
    private readonly string _binaries;

    private ThrowawayPostgres(string folder, string binaries, int port)
    {
        _folder = folder;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Starts a new server with these settings (each "name=value", passed as -c).</summary>
    public static ThrowawayPostgres Start(params string[] settings)
    {
        var binaries = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "searchapi-pg");
        SweepLeftovers(root);
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // As root the server runs as the postgres user, who must be able to write here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);

        var data = Path.Combine(folder, "data");
        Run(binaries, folder, "initdb", "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-instructions");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = string.Join(' ',
                new[] { $"-p {port}", "-c listen_addresses=127.0.0.1", $"-c unix_socket_directories={folder}" }
                    .Concat(settings.Select(setting => "-c " + setting)));
            try
            {
                Run(binaries, folder, "pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start");
                return new ThrowawayPostgres(folder, binaries, port);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken between choosing and binding it: try another.
            }
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ToString();

    /// <summary>Runs SQL that takes no parameters on the postgres database (CREATE DATABASE and the like).</summary>
    public void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Resident memory of all the server's processes, in bytes.</summary>
    public long ResidentBytes()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).First(), out var postmaster)) return 0;
        long total = 0;
        foreach (var status in Directory.GetDirectories("/proc").Select(p => Path.Combine(p, "status")))
        {
            try
            {
                var lines = File.ReadAllLines(status);
                var parent = lines.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                var pid = lines.FirstOrDefault(l => l.StartsWith("Pid:", StringComparison.Ordinal));
                if (parent is null || pid is null) continue;
                if (!parent.EndsWith("\t" + postmaster, StringComparison.Ordinal) && !pid.EndsWith("\t" + postmaster, StringComparison.Ordinal)) continue;
                var rss = lines.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is not null) total += long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return total;
    }

    public void Dispose()
    {
        // A throwaway server needs no shutdown checkpoint.
        Run(_binaries, _folder, "pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        DeleteFolder(_folder);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in the temporary folder are harmless; the next run sweeps them.
        }
    }

    /// <summary>Deletes the folders of earlier runs whose server is no longer running (a test process that was killed).</summary>
    private static void SweepLeftovers(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var folder in Directory.GetDirectories(root))
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")) && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddMinutes(-10))
                DeleteFolder(folder);
    }

    /// <summary>Runs one of the PostgreSQL programs, as the postgres user when this process is root.</summary>
    private static void Run(string binaries, string folder, string program, params string[] arguments)
    {
        var executable = Path.Combine(binaries, program);
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
            foreach (var prefix in new[] { "-u", "postgres", "--", executable }) start.ArgumentList.Add(prefix);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(folder, "server.log");
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{program} exited with {process.ExitCode}:\n{output.Result}\n{error}\n{(File.Exists(log) ? File.ReadAllText(log) : "")}"));
        }
    }

    private static string FindBinaries()
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(v => Path.Combine(v, "bin"))
            : [];
        foreach (var folder in path.Concat(installed))
            if (File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")))
                return ResolveLinks(folder);
        throw new InvalidOperationException(
            "PostgreSQL's initdb and pg_ctl were found neither on PATH nor under /usr/lib/postgresql; install PostgreSQL (the Debian package postgresql) to run the tests.");
    }

    // A PATH folder of symbolic links (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb): use the real folder,
    // where pg_ctl also finds the postgres executable.
    private static string ResolveLinks(string folder)
    {
        var initdb = new FileInfo(Path.Combine(folder, "initdb"));
        return initdb.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetDirectoryName(target.FullName)! : folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
