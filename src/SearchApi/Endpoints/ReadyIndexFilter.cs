using SearchApi.Errors;
using SearchApi.Hosting;

namespace SearchApi.Endpoints;

/// <summary>Answers 503 index_not_ready (with Retry-After) while the index is still being built or caught up.</summary>
public sealed class ReadyIndexFilter(IndexReadiness readiness) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!readiness.IsReady)
            throw new ApiException(ApiErrors.NotReady, "The index is being built from the store; /health/ready turns 200 when it is done.");
        return next(context);
    }
}
