using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>
/// Tidies query parameters for readers of the Swagger page: the query first, then filters, then paging; repeatable
/// parameters get list examples; descriptions lose the line breaks of the XML comments they came from.
/// </summary>
public sealed class QueryParameterFilter : IOperationFilter
{
    private static readonly string[] Order = ["q", "lang", "source", "kind", "from", "to", "field", "size", "sort", "limit", "cursor"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is not { Count: > 0 } parameters) return;
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Description is { } description) parameter.Description = OneLine(description);
            if (parameter.Schema is OpenApiSchema { Type: { } type } schema && type.HasFlag(JsonSchemaType.Array) && parameter.Example is JsonValue single)
            {
                parameter.Example = new JsonArray(JsonValue.Create(single.ToString()));
#pragma warning disable CS0618 // Swashbuckle still writes the schema-level example; drop it so only the list example remains.
                schema.Example = null;
#pragma warning restore CS0618
            }
        }
        var sorted = parameters.OrderBy(p => Array.IndexOf(Order, p.Name) is var i and >= 0 ? i : Order.Length).ToList();
        parameters.Clear();
        foreach (var parameter in sorted) parameters.Add(parameter);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries));
}
