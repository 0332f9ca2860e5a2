using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// Traces leave the service when an OTLP endpoint is configured: a real server process exports to a small OTLP/HTTP
/// receiver started by the test, which must see the search request's span.
/// </summary>
public sealed class TraceExportTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private readonly TaskCompletionSource<byte[]> _traces = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _receiver = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            // The exporter may send the start-up's spans first; keep the batch that holds the search.
            if (Encoding.UTF8.GetString(body.ToArray()).Contains("/api/v1/search", StringComparison.Ordinal)) _traces.TrySetResult(body.ToArray());
            return Results.Ok();
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_every_request_is_traced_and_exported()
    {
        await using var server = await ServerProcess.StartAsync(_data.Path,
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={_receiver.Urls.First()}", "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf", "--OTEL_BSP_SCHEDULE_DELAY=100");
        await server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));

        await server.Client.GetStringAsync("/api/v1/search?q=Lavrov");

        var exported = await _traces.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var text = Encoding.UTF8.GetString(exported);
        Assert.Contains("searchapi", text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore", text, StringComparison.Ordinal);
    }
}
