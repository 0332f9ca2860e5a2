using System.Diagnostics;

namespace SearchApi.Errors;

/// <summary>Problem documents (RFC 9457) for every error response, each with a stable code and the request's trace id.</summary>
public static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            // Responses without a body of their own (unknown route, wrong method) get a code from their status.
            if (!problem.Extensions.ContainsKey("code"))
            {
                var error = ApiErrors.ForStatus(problem.Status ?? 500) ?? ApiErrors.Internal;
                problem.Type = error.Type;
                problem.Title = error.Title;
                problem.Detail ??= error.Title;
                problem.Extensions["code"] = error.Code;
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            // One log line per refused request, in the request's scope: its TraceId is the document's traceId.
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SearchApi.Problems").LogInformation(
                "Answered {Status} {Code}: {Detail}", problem.Status, problem.Extensions["code"], problem.Detail);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
