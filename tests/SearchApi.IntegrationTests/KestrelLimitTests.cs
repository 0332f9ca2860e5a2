using System.Net.Sockets;
using System.Text;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// Requests the web server (Kestrel) refuses before any code of ours runs: a NUL in the path, a request line over
/// 8 KiB, headers over 32 KiB. ASP.NET Core does not let an application write these answers, so they come with the
/// status alone and an empty body (the README's Errors section lists them); the process goes on serving.
/// </summary>
public sealed class KestrelLimitTests : RunningServerTests
{
    private async Task<string> Raw(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Server.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    [Theory]
    [InlineData("GET /api/v1/documents/%00 HTTP/1.1\r\nHost: x\r\n\r\n", "400")]
    [InlineData("GET /api/v1/search?q={long} HTTP/1.1\r\nHost: x\r\n\r\n", "414")]
    [InlineData("GET /api/v1/search HTTP/1.1\r\nHost: x\r\nX-Long: {long}{long}{long}{long}\r\n\r\n", "431")]
    public async Task Requests_the_web_server_refuses_get_their_status_and_the_service_goes_on(string request, string status)
    {
        var statusLine = await Raw(request.Replace("{long}", new string('a', 9_000), StringComparison.Ordinal));
        Assert.StartsWith($"HTTP/1.1 {status}", statusLine, StringComparison.Ordinal);
        Assert.True((await Server.Client.GetAsync("/api/v1/search?q=Lavrov")).IsSuccessStatusCode);
    }
}
