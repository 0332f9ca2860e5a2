using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SearchApi.IntegrationTests.Support;

/// <summary>
/// The service as a real process (dotnet SearchApi.dll) on 127.0.0.1 and a free port, on a data directory the test
/// owns: for what only a separate process shows — being killed with SIGKILL, restarted, replicas.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    public const string Key = "process-key-0123456789abcdef";

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        Writer = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        Writer.DefaultRequestHeaders.Add("X-Api-Key", Key);
    }

    public int Port { get; }

    public HttpClient Client { get; }

    public HttpClient Writer { get; }

    /// <summary>What the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "SearchApi.dll"), "--urls", $"http://127.0.0.1:{port}",
            $"--SearchApi:DataDirectory={dataDirectory}", $"--SearchApi:SeedsPath={RepoPaths.Seeds}", $"--SearchApi:ApiKeys:0={Key}",
            "--SearchApi:RateLimit:AnonymousPerSecond=0", "--SearchApi:RateLimit:KeyedPerSecond=0", "--SearchApi:SyncIntervalMs=200",
        }.Concat(settings)) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var server = new ServerProcess(Process.Start(start)!, port);
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await server.WaitForAsync("/health/live", TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Runs the service's binary once with arguments (an operator command, or a server start expected to fail), on a data directory.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SearchApi.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add($"--SearchApi:DataDirectory={dataDirectory}");
        start.ArgumentList.Add($"--SearchApi:SeedsPath={RepoPaths.Seeds}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet SearchApi.dll {string.Join(' ', args)} did not end within {timeout}");
        }
        return (process.ExitCode, await output + await error);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Polls an endpoint until it answers 200; returns every status seen on the way.</summary>
    public async Task<List<HttpStatusCode>> WaitForAsync(string path, TimeSpan timeout)
    {
        var seen = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("The service exited:\n" + Output);
            try
            {
                var status = (await Client.GetAsync(path)).StatusCode;
                seen.Add(status);
                if (status == HttpStatusCode.OK) return seen;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{path} did not answer 200 within {timeout}:\n" + Output);
    }

    /// <summary>SIGKILL: the process gets no chance to flush, commit or say goodbye.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: a graceful stop.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        Client.Dispose();
        Writer.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
