using SearchApi.Endpoints;
using SearchApi.Errors;
using SearchApi.Hosting;
using SearchApi.Observability;
using SearchApi.OpenApi;
using SearchApi.Operations;
using SearchApi.Security;

// A setting that cannot work, or an index held elsewhere, ends the process with one clear line and exit code 1.
StartFailures.ReportInOneLine();
// "ingest", "reindex" or "export" as the first argument runs an operator command instead of the server.
var (command, configurationArgs) = OperatorCommand.Parse(args);
// Settings files are read from beside the assembly, wherever the command is typed (relative paths in them still resolve
// against the working directory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });

// JSON logs with the request's trace id.
builder.Logging.AddStructuredLogs(builder.Configuration, operatorCommand: command is not null);
// Settings, checked at start.
builder.Services.AddSearchApiOptions(builder.Configuration);
// Parse -> store -> index -> search, and the start-up that migrates, seeds and catches the index up.
builder.Services.AddSearchCore();
// Errors as problem documents with stable codes.
builder.Services.AddApiProblems();
// OpenAPI document and Swagger page.
builder.Services.AddApiDocumentation();
// Compression and CORS for the configured frontends.
builder.Services.AddHttpBehaviour();
// Rate limits per client.
builder.Services.AddRateLimits();
// Metrics for Prometheus, traces for OTLP, and the store and index health checks.
builder.Services.AddTelemetry(builder.Configuration);
builder.Services.AddSearchHealthChecks();

var app = builder.Build();
if (command is not null) return await OperatorCommands.RunAsync(command, app.Services);

app.UseHttpBehaviour();
app.UseApiProblems();
app.UseRateLimiter();
app.UseApiDocumentation();
app.UseSearchPage();

app.MapSearch();
app.MapFacets();
app.MapFeed();
app.MapDocuments();
app.MapDocumentWrites();
app.MapAdmin();
app.MapHealth();
app.MapTelemetry();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point, visible to integration tests.</summary>
public partial class Program;
