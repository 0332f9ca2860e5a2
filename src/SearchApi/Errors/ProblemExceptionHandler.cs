using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SearchApi.Errors;

/// <summary>
/// The one place exceptions become responses: our own errors with their code, binding failures as invalid_parameter,
/// anything else as a 500 that reveals no stack trace or path.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (error, detail) = exception switch
        {
            ApiException api => (api.Error, api.Message),
            BadHttpRequestException bad => (bad.StatusCode == 400 ? ApiErrors.InvalidParameter : new ApiError("bad_request", bad.StatusCode, "The request could not be read."), BindingFailures.Explain(bad.Message)),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (null, null),
            _ => (ApiErrors.Internal, "The request failed unexpectedly. The error has been logged with the trace id given here."),
        };
        if (error is null) return true;
        if (error == ApiErrors.Internal) logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        await Write(problems, httpContext, error, detail!);
        return true;
    }

    public static ValueTask Write(IProblemDetailsService problems, HttpContext httpContext, ApiError error, string detail)
    {
        httpContext.Response.StatusCode = error.Status;
        if (error == ApiErrors.NotReady) httpContext.Response.Headers.RetryAfter = "1";
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Create(error, detail),
        });
    }

    public static ProblemDetails Create(ApiError error, string detail) => new()
    {
        Type = error.Type,
        Title = error.Title,
        Status = error.Status,
        Detail = detail,
        Extensions = { ["code"] = error.Code },
    };
}
