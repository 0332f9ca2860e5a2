using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SearchApi.Tests.Support;

/// <summary>The test classes that share one <see cref="PostgresServer"/>, started before the first and stopped after the last.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A throwaway PostgreSQL server for the tests: <c>initdb</c> and <c>pg_ctl</c> from the binaries on the machine, on
/// 127.0.0.1 and a free port, in a temporary folder; stopped and deleted afterwards. Test classes get it as a fixture of
/// the <see cref="PostgresCollection"/> and take a fresh database from it per test. A machine without the binaries fails
/// the tests that need it: PostgreSQL support is part of the product, not an optional extra.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string User = "searchapi";

    private readonly string _folder;
    private readonly string _binaries;
    private int _databases;

    public PostgresServer()
    {
        (_folder, _binaries, Port) = Start();
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public string CreateDatabase()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing whatever connections are still open on it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
    }.ToString();

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

    private static (string Folder, string Binaries, int Port) Start()
    {
        var binaries = FindBinaries();
        var root = Path.Combine(Path.GetTempPath(), "searchapi-pg");
        SweepLeftovers(root);
        var folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // initdb refuses to run as root; as root the server runs as the postgres user, who must be able to write here.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);

        var data = Path.Combine(folder, "data");
        Run(binaries, folder, "initdb", "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-instructions");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = string.Join(' ',
                $"-p {port}", "-c listen_addresses=127.0.0.1", $"-c unix_socket_directories={folder}",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200");
            try
            {
                Run(binaries, folder, "pg_ctl", "-D", data, "-l", Path.Combine(folder, "server.log"), "-o", options, "-w", "-t", "60", "start");
                return (folder, binaries, port);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Most likely the port was taken between choosing and binding it: try another.
            }
        }
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
