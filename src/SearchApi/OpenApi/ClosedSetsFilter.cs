using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>
/// Gives every parameter that takes a closed set of values its enum, and every bounded count its minimum, maximum and
/// default, from the same lists and limits the request rules use (<see cref="ReadRequests"/>), so that a client
/// generated from the document cannot send sort=newest or lang=kz.
/// </summary>
public sealed class ClosedSetsFilter : IOperationFilter
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Sets = new(StringComparer.Ordinal)
    {
        ["lang"] = Languages.All,
        ["kind"] = StatementKinds.All,
        ["sort"] = ReadRequests.SortNames,
        ["highlight"] = ReadRequests.HighlightNames,
        ["interval"] = ReadRequests.IntervalNames,
        ["match"] = ReadRequests.MatchNames,
        ["format"] = ReadRequests.FormatNames,
        ["facet"] = FacetSpec.AllFields,
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is not { Count: > 0 } parameters) return;
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Schema is not OpenApiSchema schema || parameter.Name is not { } name) continue;
            var target = schema.Type is { } type && type.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items ? items : schema;
            if (SetOf(name, path) is { } values) target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            if (Bounds(name, path) is var (min, max, fallback))
            {
                target.Minimum = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
                target.Maximum = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
                target.Default = JsonValue.Create(fallback);
            }
        }
    }

    private static IReadOnlyList<string>? SetOf(string name, string path) => name switch
    {
        "field" when path.EndsWith("/values", StringComparison.Ordinal) => FacetLabels.Fields,
        "field" when path.StartsWith("/api/v1/facets", StringComparison.Ordinal) => FacetSpec.AllFields,
        "field" => null,
        _ => Sets.GetValueOrDefault(name),
    };

    private static (int Min, int Max, int Default)? Bounds(string name, string path) => (name, path) switch
    {
        ("limit", "/api/v1/search/feed.atom") => (1, ReadRequests.MaxLimit, ReadRequests.DefaultFeedEntries),
        ("limit", _) when path.EndsWith("/similar", StringComparison.Ordinal) => (1, ReadRequests.MaxSimilar, ReadRequests.DefaultSimilar),
        ("limit", "/api/v1/search") => (1, ReadRequests.MaxLimit, ReadRequests.DefaultLimit),
        ("facetSize", _) => (1, ReadRequests.MaxFacetSize, ReadRequests.DefaultFacetSize),
        ("size", _) when path.EndsWith("/values", StringComparison.Ordinal) => (1, ReadRequests.MaxValues, ReadRequests.DefaultValues),
        ("size", "/api/v1/facets") => (1, ReadRequests.MaxFacetSize, ReadRequests.DefaultFacetSize),
        ("snippets", _) => (0, SnippetOptions.MaxCount, SnippetOptions.DefaultCount),
        ("snippetLength", _) => (SnippetOptions.MinLength, SnippetOptions.MaxLength, SnippetOptions.DefaultLength),
        _ => null,
    };
}
