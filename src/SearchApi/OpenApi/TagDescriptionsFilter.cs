using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SearchApi.OpenApi;

/// <summary>The groups of the Swagger page, in reading order, each with a line on what it is for.</summary>
public sealed class TagDescriptionsFilter : IDocumentFilter
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Search", "Find statements by words, names and filters; see how a query is read; export every match."),
        ("Facets", "Count matching statements per language, source, kind, year, person, organisation, place and time."),
        ("Documents", "Read one whole statement, find similar ones; add, replace and delete statements (API key)."),
        ("Feed", "For partner systems: every change to the statements, in order, to mirror them completely."),
        ("Admin", "Operator tasks (API key): rebuild the index. Press Authorize and paste your key; it is sent as the X-Api-Key header."),
        ("Health", "For load balancers and orchestrators: is the process up, can it answer searches."),
    ];

    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
}
