using System.Net;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// Behind a reverse proxy (the deployments' nginx, an ingress): the client named in X-Forwarded-For counts for rate
/// limits when, and only when, the proxy is trusted. Real processes on 127.0.0.1, as a proxy on the same host sees them.
/// </summary>
public sealed class ProxyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] TwoPerClient = ["--SearchApi:RateLimit:AnonymousPerSecond=1", "--SearchApi:RateLimit:AnonymousBurst=2"];

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_a_rate_limit_of_its_own()
    {
        await using var server = await ServerProcess.StartAsync(_folder.File("trusted"), TwoPerClient);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], await Searches(server, "203.0.113.7", 3));
        // nginx appends the address it saw to whatever the client sent: only that last hop is believed.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await Searches(server, "203.0.113.7, 198.51.100.20", 2));
    }

    [Fact]
    public async Task A_peer_that_is_not_a_trusted_proxy_cannot_choose_its_client_address()
    {
        await using var server = await ServerProcess.StartAsync(_folder.File("untrusted"), [.. TwoPerClient, "--SearchApi:TrustedProxies:0=10.20.0.0/16"]);
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await Searches(server, "203.0.113.7", 2));
        Assert.Equal([HttpStatusCode.TooManyRequests], await Searches(server, "203.0.113.8", 1));
    }

    private static async Task<List<HttpStatusCode>> Searches(ServerProcess server, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=Lavrov");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            statuses.Add((await server.Client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}
