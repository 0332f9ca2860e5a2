using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Errors;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/facets: how many matching statements there are per language, source, kind and year.</summary>
public static class FacetEndpoints
{
    private static readonly IReadOnlyList<string> Fields = FacetLabels.Fields;

    public static RouteGroupBuilder MapFacets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/facets").WithTags("Facets").AddEndpointFilter<ReadyIndexFilter>();
        group.MapGet("", Facets)
            .WithName("Facets")
            .WithSummary("Count statements per language, source, kind, year, person, organisation and place")
            .WithDescription(
                "Counts the statements that match q and the filters, per value of each requested field, most frequent " +
                "first. Counts are exact. People, organisations and places are counted once per statement whichever " +
                "language names them, and carry their names in English and Russian. Use a value as the matching filter " +
                "of /api/v1/search (person=person:sergey-lavrov; year values become from/to).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Ok<FacetsResponse> Facets([AsParameters] FacetParameters parameters, SearchService search, FacetLabels labels)
    {
        var query = RequestParsing.Query(parameters);
        var filters = RequestParsing.Filters(parameters);
        var size = RequestParsing.FacetSize(parameters.Size);
        var fields = FieldsOf(parameters.Field);
        var result = search.Facets(query, filters, fields, size);
        var facets = result.Fields.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValueResponse>)f.Value.Select(c => ToResponse(labels.For(f.Key, c.Value), c)).ToList());
        return TypedResults.Ok(new FacetsResponse(result.Total, true, facets));
    }

    private static List<string> FieldsOf(string[]? requested)
    {
        var fields = (requested ?? []).Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (fields.Count == 0) return [.. Fields];
        foreach (var field in fields)
            if (!Fields.Contains(field))
                throw new ApiException(ApiErrors.UnknownFacetField, $"field '{field}' is not one of: {string.Join(", ", Fields)}.");
        return fields;
    }

    private static FacetValueResponse ToResponse(EntityLabels labels, FacetCount count) =>
        new(count.Value, labels.En, new LabelsResponse(labels.En, labels.Ru), count.Count);
}
