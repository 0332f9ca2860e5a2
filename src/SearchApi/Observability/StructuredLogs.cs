using Microsoft.Extensions.Logging.Console;

namespace SearchApi.Observability;

/// <summary>
/// Logs as JSON lines, one per event, with the request's scope (TraceId, RequestId, RequestPath) — the TraceId is the
/// traceId of any problem document the request was answered with. Logging:Console:FormatterName=simple gives the
/// human format instead.
/// </summary>
public static class StructuredLogs
{
    public static ILoggingBuilder AddStructuredLogs(this ILoggingBuilder logging, IConfiguration configuration, bool operatorCommand)
    {
        if (configuration["Logging:Console:FormatterName"] is null)
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        // Operator commands keep standard output for what they produce (an export, for one).
        if (operatorCommand) logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        // On a terminal a command's progress is drawn live (Operations.ProgressDisplay): its logs stay apart from it,
        // warnings and errors only. Redirected, every log line is written as the service writes them.
        if (operatorCommand && Operations.ProgressDisplay.Live) logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        return logging;
    }
}
