using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SearchApi.Core.Ingestion;

namespace SearchApi.Observability;

/// <summary>
/// OpenTelemetry: HTTP server metrics and ours, scraped by Prometheus at /metrics; traces of every request, sent to an
/// OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT is set (and not collected at all otherwise: they cost about a tenth of
/// the throughput at 16 connections, docs/BENCHMARKS.md). Logs are JSON lines carrying the trace id (<see cref="StructuredLogs"/>).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SearchMetrics>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("searchapi", serviceVersion: BuildInfo.Version))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddProcessInstrumentation()
                .AddMeter(IngestMetrics.MeterName)
                .AddPrometheusExporter());
        if (otlp)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments(MetricsPath) && !context.Request.Path.StartsWithSegments("/health"))
                .AddOtlpExporter());
        return services;
    }

    public static WebApplication MapTelemetry(this WebApplication app)
    {
        // The gauges read the index; creating them at start keeps the first scrape complete.
        app.Services.GetRequiredService<SearchMetrics>();
        app.MapPrometheusScrapingEndpoint(MetricsPath).WithTags("Operations").ExcludeFromDescription();
        return app;
    }
}
