using SearchApi.Endpoints;
using SearchApi.Errors;
using SearchApi.Hosting;
using SearchApi.OpenApi;
using SearchApi.Operations;
using SearchApi.Security;

// "ingest", "reindex" or "export" as the first argument runs an operator command instead of the server.
var (command, configurationArgs) = OperatorCommand.Parse(args);
var builder = WebApplication.CreateBuilder(configurationArgs);

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

var app = builder.Build();
if (command is not null) return await OperatorCommands.RunAsync(command, app.Services);

app.UseHttpBehaviour();
app.UseApiProblems();
app.UseRateLimiter();
app.UseApiDocumentation();

app.MapSearch();
app.MapFacets();
app.MapFeed();
app.MapDocuments();
app.MapDocumentWrites();
app.MapAdmin();
app.MapHealth();

app.Run();
return 0;

/// <summary>The web host's entry point, visible to integration tests.</summary>
public partial class Program;
