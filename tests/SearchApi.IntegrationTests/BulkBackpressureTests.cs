using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// A client that sends its whole bulk body before reading a byte of the answer — what most HTTP/1.1 clients do, .NET's
/// HttpClient among them — while the answer grows past what the sockets buffer. The service must keep reading.
/// </summary>
public sealed class BulkBackpressureTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_client_that_reads_the_answer_only_after_sending_everything_gets_it_all()
    {
        await using var server = await ServerProcess.StartAsync(_folder.Path, "--SearchApi:SeedsPath=none");
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        // The same small statement over and over: after the first, every line is answered "unchanged" at little cost,
        // and 200,000 answers (about 15 MB) are more than the two sockets hold.
        const int lines = 200_000;
        var line = """{"id":"backpressure-1","lang":"en","title":"Back-pressure","text":"One small statement sent many times."}""" + "\n";
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, lines)));

        // Minutes, not seconds: on a loaded machine sending 16 MB and answering 200,000 lines takes a while; a deadlock
        // would take for ever.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync("127.0.0.1", server.Port, timeout.Token);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        // HTTP/1.0: the answer is not chunked, so its lines read as they are.
        var head = $"POST /api/v1/documents/bulk HTTP/1.0\r\nHost: 127.0.0.1\r\nX-Api-Key: {ServerProcess.Key}\r\n" +
                   $"Content-Type: application/x-ndjson\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), timeout.Token);
        await stream.WriteAsync(body, timeout.Token);
        // A slow client: the answer waits in the server's socket well past Kestrel's five-second grace before it is read.
        await Task.Delay(TimeSpan.FromSeconds(7), timeout.Token);

        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, timeout.Token);
        var text = Encoding.UTF8.GetString(answer.ToArray());
        Assert.StartsWith("HTTP/1.1 200", text, StringComparison.Ordinal);
        Assert.Equal(lines + 1, text.Split('\n').Count(l => l.StartsWith("{\"line\"", StringComparison.Ordinal) || l.StartsWith("{\"summary\"", StringComparison.Ordinal)));
        var summary = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).Last(l => l.StartsWith('{'));
        var totals = JsonNode.Parse(summary)!["summary"]!;
        Assert.Equal(lines, totals["accepted"]!.GetValue<int>());
        Assert.Equal(1, totals["created"]!.GetValue<int>());
        Assert.Equal(lines - 1, totals["unchanged"]!.GetValue<int>());
    }
}
