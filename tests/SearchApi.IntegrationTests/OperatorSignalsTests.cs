using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>What operators watch, from a real server process: Prometheus metrics at /metrics and JSON log lines.</summary>
public sealed partial class OperatorSignalsTests : RunningServerTests
{
    [Fact]
    public async Task Metrics_show_searches_hits_the_index_and_the_write_path()
    {
        await Server.Client.GetStringAsync("/api/v1/search?q=Lavrov");
        await Server.Client.GetStringAsync("/api/v1/search?q=Лавров&lang=ru");
        await Server.Client.GetStringAsync("/api/v1/facets?field=person");
        var written = await Server.Writer.PutAsync("/api/v1/documents/metrics-1",
            new StringContent("""{"lang":"en","title":"Metrics","text":"A statement written for the metrics test."}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(written.IsSuccessStatusCode);

        var metrics = await Server.Client.GetStringAsync("/metrics");

        Assert.Equal(2, Value(metrics, """searchapi_search_duration_seconds_count{otel_scope_name="SearchApi",operation="search"}"""));
        Assert.Equal(1, Value(metrics, """searchapi_search_duration_seconds_count{otel_scope_name="SearchApi",operation="facets"}"""));
        // Hits per query: "Lavrov" and "Лавров" in Russian each find at least one seed.
        Assert.True(Value(metrics, """searchapi_search_hits_sum{otel_scope_name="SearchApi",operation="search"}""") >= 2);
        Assert.Equal(8, Value(metrics, """searchapi_index_documents{otel_scope_name="SearchApi"}"""));
        Assert.True(Value(metrics, """searchapi_index_size_bytes{otel_scope_name="SearchApi"}""") > 10_000);
        Assert.Equal(0, Value(metrics, """searchapi_index_lag{otel_scope_name="SearchApi"}"""));
        Assert.Equal(0, Value(metrics, """searchapi_index_skipped{otel_scope_name="SearchApi"}"""));
        Assert.Equal(0, Value(metrics, """searchapi_index_damaged{otel_scope_name="SearchApi"}"""));
        Assert.Equal(8, Value(metrics, """searchapi_index_changes_total{otel_scope_name="SearchApi"}"""));
        Assert.Equal(8, Value(metrics, """searchapi_ingest_statements_total{otel_scope_name="SearchApi",outcome="created"}"""));
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        // The build this replica runs, and the runtime's and process's own metrics.
        Assert.Matches("""searchapi_build_info\{otel_scope_name="SearchApi",commit="([0-9a-f]{7,12}|unknown)",version="\d+\.\d+\.\d+"\} 1""", metrics);
        Assert.Contains("dotnet_gc_collections_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("process_cpu_time_seconds_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("""http_route="/api/v1/search/""", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_are_JSON_lines_and_a_problem_documents_traceId_finds_its_log_line()
    {
        var problem = JsonNode.Parse(await (await Server.Client.GetAsync("/api/v1/search?limit=1000")).Content.ReadAsStringAsync())!;
        var traceId = problem["traceId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        JsonNode? logged = null;
        for (var attempt = 0; attempt < 50 && logged is null; attempt++)
        {
            await Task.Delay(100);
            logged = Server.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!)
                .FirstOrDefault(l => l["Category"]?.GetValue<string>() == "SearchApi.Problems"
                    && l["Scopes"]!.AsArray().Any(s => s?["TraceId"]?.GetValue<string>() == traceId));
        }
        Assert.NotNull(logged);
        Assert.Equal("Information", logged["LogLevel"]!.GetValue<string>());
        Assert.Contains("invalid_limit", logged["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        // Every line the service wrote is JSON.
        Assert.All(Server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonNode.Parse(line));
    }

    [Fact]
    public async Task Every_write_and_delete_is_one_audit_line_naming_the_key_never_the_key_itself()
    {
        var put = await Server.Writer.PutAsync("/api/v1/documents/audit-1",
            new StringContent("""{"lang":"en","title":"Audit","text":"A statement written for the audit test."}""", System.Text.Encoding.UTF8, "application/json"));
        put.EnsureSuccessStatusCode();
        (await Server.Writer.DeleteAsync("/api/v1/documents/audit-1")).EnsureSuccessStatusCode();

        List<string> audit = [];
        for (var attempt = 0; attempt < 50 && audit.Count < 2; attempt++)
        {
            await Task.Delay(100);
            audit = Server.Output.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!)
                .Where(l => l["Category"]?.GetValue<string>() == "SearchApi.Audit").Select(l => l["Message"]!.GetValue<string>())
                .Where(m => m.Contains("audit-1", StringComparison.Ordinal)).ToList();
        }
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, m => m.Contains("SearchApi:ApiKeys:0 PUT /api/v1/documents/audit-1 audit-1 created answered 201", StringComparison.Ordinal));
        Assert.Contains(audit, m => m.Contains("SearchApi:ApiKeys:0 DELETE /api/v1/documents/audit-1 audit-1 answered 204", StringComparison.Ordinal));
        Assert.DoesNotContain(ServerProcess.Key, Server.Output, StringComparison.Ordinal);
    }

    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} is not in /metrics:\n{string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith("searchapi", StringComparison.Ordinal)))}");
        return double.Parse(SampleValue().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\} (\S+)")]
    private static partial Regex SampleValue();
}
