using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Contracts;
using SearchApi.Errors;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>
/// Completes the schemas clients are generated from: the problem document carries our stable <c>code</c> (every code
/// the API answers with) and the request's <c>traceId</c>; the closed sets of responses (a hit's language, kind and
/// matchedBy, the answer's match) are enums.
/// </summary>
public sealed class ProblemSchemaFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Components?.Schemas is not { } schemas) return;
        if (schemas.TryGetValue("ProblemDetails", out var found) && found is OpenApiSchema problem)
        {
            problem.Description = "An RFC 9457 problem document (application/problem+json).";
            problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
            problem.Properties["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The stable code of this kind of error; never changes once published (README: Errors).",
                Enum = [.. ApiErrors.All.Select(e => (JsonNode)JsonValue.Create(e.Code)).Distinct()],
            };
            problem.Properties["traceId"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request's trace id: the log line of this request carries the same TraceId.",
            };
            problem.Required = new HashSet<string> { "code", "traceId", "title", "status" };
        }
        Enumerate(schemas, "SearchHitResponse", "lang", Languages.All);
        Enumerate(schemas, "SearchHitResponse", "kind", StatementKinds.All);
        Enumerate(schemas, "SearchHitResponse", "matchedBy", MatchKindNames.All, items: true);
        Enumerate(schemas, "SearchResponse", "match", ["all", "partial"]);
        Enumerate(schemas, "DocumentResponse", "lang", Languages.All);
        Enumerate(schemas, "DocumentResponse", "kind", StatementKinds.All);
    }

    private static void Enumerate(IDictionary<string, IOpenApiSchema> schemas, string schema, string property, IReadOnlyList<string> values, bool items = false)
    {
        if (!schemas.TryGetValue(schema, out var found) || found is not OpenApiSchema { Properties: { } properties }) return;
        if (!properties.TryGetValue(property, out var p) || p is not OpenApiSchema target) return;
        if (items) target = target.Items as OpenApiSchema ?? target;
        target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
    }
}
