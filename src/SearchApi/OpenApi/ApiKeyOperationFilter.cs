using Microsoft.OpenApi;
using SearchApi.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>Marks the operations behind the API key (<see cref="ApiKeyFilter"/>) as needing the X-Api-Key header, so the Swagger page shows how to send it.</summary>
public sealed class ApiKeyOperationFilter : IOperationFilter
{
    public const string Scheme = "ApiKey";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // Every write and every admin operation is behind the key; reads never are.
        var guarded = context.ApiDescription.RelativePath?.StartsWith("api/v1/admin", StringComparison.Ordinal) == true
            || context.ApiDescription.HttpMethod is "POST" or "PUT" or "DELETE";
        // Reads say so explicitly: no security requirement (`security: []`), not an unknown one.
        if (!guarded)
        {
            operation.Security = [];
            return;
        }
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] });
    }
}
