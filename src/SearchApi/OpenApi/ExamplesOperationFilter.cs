using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>
/// Named examples in English and Russian for the parameters journalists type into (the Swagger page offers them in a
/// list, and "Try it out" sends the one chosen), and a sample answer for the main read operations. The linter checks
/// every example against its schema.
/// </summary>
public sealed class ExamplesOperationFilter : IOperationFilter
{
    private sealed record Example(string Name, string Summary, JsonNode Value);

    private static readonly Example[] QueryExamples =
    [
        new("english", "English words, in any form: also finds \"corridor\"", JsonValue.Create("humanitarian corridors")),
        new("russian", "Russian: a minister and an organisation, in any case", JsonValue.Create("Лавров ОДКБ")),
        new("crossScript", "A name in Latin letters also finds the Russian spelling", JsonValue.Create("Japarov")),
        new("phrase", "An exact phrase", JsonValue.Create("\"joint statement\"")),
        new("phraseRussian", "Точная фраза", JsonValue.Create("\"совместное заявление\"")),
        new("alternatives", "Either word, without another", JsonValue.Create("(CSTO OR NATO) -Ukraine")),
        new("alternativesRussian", "Любое из слов, без другого", JsonValue.Create("(ОДКБ OR НАТО) -Украина")),
        new("prefix", "Words that begin so", JsonValue.Create("переговор*")),
        new("title", "Only in titles", JsonValue.Create("title:Kazakbayev")),
    ];

    // Swagger's "Try it out" fills every parameter with its first example, so a filter's first example is no filter:
    // a journalist's first search is not silently narrowed to one language, source or year.
    private static Example NoFilter(bool list) => new("none", "No filter", list ? new JsonArray() : JsonValue.Create(""));

    private static readonly Dictionary<string, Example[]> ParameterExamples = new(StringComparer.Ordinal)
    {
        ["q"] = QueryExamples,
        ["lang"] = [NoFilter(true), new("english", "English statements", new JsonArray("en")), new("russian", "Russian statements", new JsonArray("ru"))],
        ["source"] = [NoFilter(true), new("mid", "The Russian foreign ministry", new JsonArray("mid.ru")), new("kg", "The Kyrgyz news agency 24.kg", new JsonArray("24.kg"))],
        ["kind"] = [NoFilter(true), new("transcripts", "Press conferences and speeches with questions", new JsonArray("transcript")), new("joint", "Joint statements", new JsonArray("joint-statement"))],
        ["person"] = [NoFilter(true), new("lavrov", "Sergey Lavrov / Сергей Лавров", new JsonArray("person:sergey-lavrov"))],
        ["organization"] = [NoFilter(true), new("csto", "CSTO / ОДКБ", new JsonArray("organization:csto"))],
        ["place"] = [NoFilter(true), new("kyrgyzstan", "Kyrgyzstan / Киргизия", new JsonArray("place:kyrgyzstan"))],
        ["from"] = [NoFilter(false), new("since2020", "From 1 January 2020", JsonValue.Create("2020-01-01"))],
        ["to"] = [NoFilter(false), new("until2024", "Up to 31 December 2024", JsonValue.Create("2024-12-31"))],
        ["prefix"] = [new("russian", "The beginning of a Russian name", JsonValue.Create("лав")), new("english", "The beginning of an English name", JsonValue.Create("Kaz"))],
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || !ParameterExamples.TryGetValue(parameter.Name, out var examples)) continue;
            // An example and examples exclude each other in OpenAPI.
            parameter.Example = null;
#pragma warning disable CS0618 // Swashbuckle still writes the schema-level example; the named ones replace it.
            if (parameter.Schema is OpenApiSchema schema) schema.Example = null;
#pragma warning restore CS0618
            var list = parameter.Schema is OpenApiSchema { Type: { } type } && type.HasFlag(JsonSchemaType.Array);
            // A single value from a closed set has no "no filter" value: leaving the parameter out is that.
            if (!list && parameter.Schema is OpenApiSchema { Enum.Count: > 0 }) examples = [.. examples.Where(e => e.Value is not JsonArray { Count: 0 })];
            parameter.Examples = examples.ToDictionary(e => e.Name, e => (IOpenApiExample)new OpenApiExample { Summary = e.Summary, Value = Shaped(e.Value, list) });
        }
        if (ResponseExamples.For(operation.OperationId) is { } sample
            && operation.Responses?.TryGetValue("200", out var ok) == true
            && ok.Content?.TryGetValue("application/json", out var json) == true)
            json.Example = sample;
    }

    // Filters are lists of values; the same name elsewhere (lang of /similar) takes one value.
    private static JsonNode Shaped(JsonNode value, bool list) => value switch
    {
        JsonArray { Count: 0 } when !list => JsonValue.Create(""),
        JsonArray { Count: 1 } single when !list => single[0]!.DeepClone(),
        _ => value.DeepClone(),
    };
}
