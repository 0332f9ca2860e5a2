using SearchApi.Errors;

namespace SearchApi.Security;

/// <summary>Lets a request through only with a valid X-Api-Key: 401 without one, 403 with a wrong one or when writes are disabled.</summary>
public sealed class ApiKeyFilter(ApiKeyRing keys) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.Check(context.HttpContext.Request.Headers[ApiKeyRing.Header], out var keyId) switch
        {
            KeyCheck.Valid => Accepted(context, next, keyId),
            KeyCheck.Missing => throw new ApiException(ApiErrors.MissingApiKey, $"Send a key in the {ApiKeyRing.Header} header."),
            KeyCheck.Disabled => throw new ApiException(ApiErrors.WritesDisabled, "Set SearchApi:ApiKeys in the service's configuration to enable writes."),
            _ => throw new ApiException(ApiErrors.InvalidApiKey, $"The key in {ApiKeyRing.Header} is not one of the configured keys."),
        };

    // The key's name for the audit log and rate limits: its place in configuration, never the key.
    private static ValueTask<object?> Accepted(EndpointFilterInvocationContext context, EndpointFilterDelegate next, int keyId)
    {
        context.HttpContext.Items[AuditFilter.KeyItem] = $"SearchApi:ApiKeys:{keyId}";
        return next(context);
    }
}
