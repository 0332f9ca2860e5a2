using Microsoft.OpenApi;
using SearchApi.Contracts;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>
/// The export's 200 in each of its formats: JSON Lines of statements (each line an <see cref="ExportLineResponse"/>,
/// the last the manifest) and CSV text. Minimal APIs describe one schema per status, so both are set here.
/// </summary>
public sealed class ExportResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != "Export" || operation.Responses?.TryGetValue("200", out var found) != true || found is not OpenApiResponse ok) return;
        ok.Description = "Every matching statement: JSON Lines (one statement per line, the manifest last) or CSV (a header row, then one row per statement).";
        ok.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/x-ndjson"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ExportLineResponse), context.SchemaRepository) },
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180, UTF-8 with a byte-order mark; columns id, title, lang, date, datePrecision, source, url, kind, score, people, organizations, places[, text]." } },
        };
    }
}
