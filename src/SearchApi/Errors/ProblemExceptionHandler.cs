using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;
using SearchApi.Core.Storage;

namespace SearchApi.Errors;

/// <summary>
/// The one place exceptions become responses: our own errors with their code, binding failures as invalid_parameter,
/// anything else as a 500 that reveals no stack trace or path.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Translate(exception) is { } translated)
        {
            if (translated.Error == ApiErrors.StoreFailed || translated.Error == ApiErrors.IndexUnavailable)
                logger.LogError(exception, "{Method} {Path} refused: {Detail}", httpContext.Request.Method, httpContext.Request.Path, translated.Message);
            if (translated.Error == ApiErrors.StoreUnavailable)
                logger.LogWarning("The store could not be reached on {Method} {Path}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
            exception = translated;
        }
        var (error, detail) = exception switch
        {
            ApiException api => (api.Error, api.Message),
            BadHttpRequestException bad => (ApiErrors.ForStatus(bad.StatusCode) ?? ApiErrors.InvalidParameter, BindingFailures.Explain(bad.Message)),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => (null, null),
            _ => (ApiErrors.Internal, "The request failed unexpectedly. The error has been logged with the trace id given here."),
        };
        if (error is null) return true;
        if (error == ApiErrors.Internal) logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        await Write(problems, httpContext, error, detail!, (exception as ApiException)?.Extensions);
        return true;
    }

    /// <summary>
    /// The core's own refusals (query syntax and limits, expired snapshots) and an unreachable store in the API's
    /// terms; null for anything else.
    /// </summary>
    public static ApiException? Translate(Exception exception) => exception switch
    {
        ApiException api => api,
        InvalidRequestException invalid => new ApiException(ErrorOf(invalid.Problem), invalid.Message),
        CursorException cursor => new ApiException(cursor.Error switch
        {
            CursorError.Mismatch => ApiErrors.CursorMismatch,
            CursorError.Expired => ApiErrors.CursorExpired,
            _ => ApiErrors.InvalidCursor,
        }, cursor.Message),
        QuerySyntaxException syntax => new ApiException(ApiErrors.QuerySyntax, $"{syntax.Message} (at position {syntax.Position}).",
            new Dictionary<string, object?> { ["position"] = syntax.Position }),
        QueryLimitException { Limit: QueryLimit.Clauses } limit => new ApiException(ApiErrors.TooManyClauses, limit.Message),
        QueryLimitException limit => new ApiException(ApiErrors.TooManyExpansions, limit.Message),
        SnapshotExpiredException => new ApiException(ApiErrors.CursorExpired,
            "The index has changed and the snapshot this cursor paged through has expired; start again without a cursor."),
        TooManyBucketsException buckets => new ApiException(ApiErrors.TooManyBuckets, buckets.Message),
        SearchTimeoutException timeout => new ApiException(ApiErrors.SearchTimeout, timeout.Message + " Narrow the query or the filters."),
        DbException { IsTransient: true } => new ApiException(ApiErrors.StoreUnavailable,
            "The statement store did not answer. Searches go on from the index; writes, documents and the feed resume when it is back."),
        IndexUnavailableException index => new ApiException(ApiErrors.IndexUnavailable, index.Message),
        _ when StoreHealth.IsStoreFault(exception) && exception is DbException => new ApiException(ApiErrors.StoreFailed,
            $"The statement store could not complete the request: {StoreHealth.Describe(exception)}. Nothing was written; /health/ready tells when it is back."),
        _ => null,
    };

    /// <summary>The problem code of each way a read request can be wrong.</summary>
    private static ApiError ErrorOf(RequestProblem problem) => problem switch
    {
        RequestProblem.QueryTooLong => ApiErrors.QueryTooLong,
        RequestProblem.InvalidLang => ApiErrors.InvalidLang,
        RequestProblem.InvalidKind => ApiErrors.InvalidKind,
        RequestProblem.InvalidEntity => ApiErrors.InvalidEntity,
        RequestProblem.InvalidDate => ApiErrors.InvalidDate,
        RequestProblem.InvalidDateRange => ApiErrors.InvalidDateRange,
        RequestProblem.TooManyValues => ApiErrors.TooManyValues,
        RequestProblem.InvalidSort => ApiErrors.InvalidSort,
        RequestProblem.InvalidLimit => ApiErrors.InvalidLimit,
        RequestProblem.InvalidFacetSize => ApiErrors.InvalidFacetSize,
        RequestProblem.InvalidSnippets => ApiErrors.InvalidSnippets,
        RequestProblem.InvalidHighlight => ApiErrors.InvalidHighlight,
        RequestProblem.InvalidInterval => ApiErrors.InvalidInterval,
        RequestProblem.InvalidMatch => ApiErrors.InvalidMatch,
        RequestProblem.UnknownFacetField => ApiErrors.UnknownFacetField,
        RequestProblem.InvalidId => ApiErrors.InvalidId,
        _ => ApiErrors.InvalidParameter,
    };

    public static ValueTask Write(IProblemDetailsService problems, HttpContext httpContext, ApiError error, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        httpContext.Response.StatusCode = error.Status;
        // An ETag set for the answer that was going to be sent does not describe this one.
        httpContext.Response.Headers.Remove("ETag");
        if (error == ApiErrors.NotReady || error == ApiErrors.SearchTimeout) httpContext.Response.Headers.RetryAfter = "1";
        if (error == ApiErrors.StoreUnavailable || error == ApiErrors.StoreFailed || error == ApiErrors.IndexUnavailable) httpContext.Response.Headers.RetryAfter = "5";
        if (error == ApiErrors.MissingApiKey) httpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        var problem = Create(error, detail);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return problems.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
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
