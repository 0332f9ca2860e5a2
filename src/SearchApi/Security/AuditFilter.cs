using SearchApi.Contracts;

namespace SearchApi.Security;

/// <summary>
/// One audit log line per write and delete (category SearchApi.Audit): which configured key did it — by its place in
/// configuration, "SearchApi:ApiKeys:0", never the key — what, to which statements, and the answer's status. A bulk
/// upload is one line with its path; its lines are in its own answer.
/// </summary>
public sealed class AuditFilter(ILoggerFactory logs) : IEndpointFilter
{
    public const string KeyItem = "searchapi.key";
    private readonly ILogger _log = logs.CreateLogger("SearchApi.Audit");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var key = http.Items[KeyItem] as string ?? "no key";
        var written = Unwrap(result) is WriteResponse write
            ? string.Join(", ", write.Results.Select(r => $"{r.Id} {r.Outcome}"))
            : http.Request.RouteValues.TryGetValue("id", out var id) ? $"{id}" : http.Request.Path.Value ?? "";
        var request = $"{http.Request.Method} {http.Request.Path}";
        http.Response.OnCompleted(() =>
        {
            _log.LogInformation("Audit: {Key} {Request} {Statements} answered {Status}", key, request, written, http.Response.StatusCode);
            return Task.CompletedTask;
        });
        return result;
    }

    private static object? Unwrap(object? result) => result switch
    {
        Microsoft.AspNetCore.Http.HttpResults.Created<WriteResponse> created => created.Value,
        Microsoft.AspNetCore.Http.HttpResults.Ok<WriteResponse> ok => ok.Value,
        INestedHttpResult nested => Unwrap(nested.Result),
        _ => null,
    };
}
