using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Errors;
using SearchApi.Observability;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/facets and /api/v1/facets/{field}/values: counts of matching statements per value, and value autocomplete.</summary>
public static class FacetEndpoints
{
    private static readonly IReadOnlyList<string> DefaultFields = FacetLabels.Fields;

    public static RouteGroupBuilder MapFacets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/facets").WithTags("Facets").AddEndpointFilter<ReadyIndexFilter>().AddEndpointFilter<IndexCacheFilter>();
        group.MapGet("", Facets)
            .WithName("Facets")
            .WithSummary("Count statements per language, source, kind, year, person, organisation, place and time")
            .WithDescription(
                "Counts the statements that match q and the filters, per value of each requested field, most frequent " +
                "first; the timeline counts them per day, week, month or year in date order. Counts are exact. Each field " +
                "is counted under every filter except its own (multi-select): with lang=ru selected, the lang facet still " +
                "lists every language with the count it would have. People, organisations and places are counted once per " +
                "statement whichever language names them. Use a value as the matching filter of /api/v1/search " +
                "(person=person:sergey-lavrov; year and timeline values become from/to).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{field}/values", Values)
            .WithName("FacetValues")
            .WithSummary("Find facet values by the beginning of their name (autocomplete)")
            .WithDescription(
                "Lists the values of one facet field whose value, or a word of whose English or Russian name, begins with " +
                "prefix — \"лав\" finds Sergey Lavrov, \"csto\" the Collective Security Treaty Organization — most frequent " +
                "first, with exact counts over all statements. Fields: lang, source, kind, year, person, organization, place.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static Ok<FacetsResponse> Facets([AsParameters] FacetParameters parameters, FacetService facets, SearchMetrics metrics)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var request = new FacetRequest(
            RequestParsing.Query(parameters),
            RequestParsing.Filters(parameters),
            RequestParsing.FacetFields("field", parameters.Field, DefaultFields),
            RequestParsing.FacetSize(parameters.Size),
            RequestParsing.Interval(parameters.Interval),
            parameters.Strict ?? false);
        var counts = facets.Count(request);
        metrics.RecordSearch("facets", System.Diagnostics.Stopwatch.GetElapsedTime(started), counts.Total);
        return TypedResults.Ok(ToResponse(counts));
    }

    /// <param name="field" example="person">The facet field: lang, source, kind, year, person, organization or place.</param>
    private static Ok<FacetValuesResponse> Values(string field, [AsParameters] FacetValueParameters parameters, FacetService facets)
    {
        if (!FacetLabels.Fields.Contains(field))
            throw new ApiException(ApiErrors.UnknownFacetField, $"field '{field}' is not one of: {string.Join(", ", FacetLabels.Fields)}.");
        var prefix = parameters.Prefix ?? "";
        if (prefix.Length > RequestParsing.MaxValueLength)
            throw new ApiException(ApiErrors.InvalidParameter, $"prefix is longer than {RequestParsing.MaxValueLength} characters.");
        var values = facets.SearchValues(field, prefix, RequestParsing.ValueCount(parameters.Size));
        return TypedResults.Ok(new FacetValuesResponse(field, prefix, true, values.Select(ToResponse).ToList()));
    }

    public static FacetsResponse ToResponse(FacetResult result) => new(
        result.Total,
        true,
        result.Fields.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValueResponse>)f.Value.Select(ToResponse).ToList()));

    private static FacetValueResponse ToResponse(FacetValue value) =>
        new(value.Value, value.LabelEn, new LabelsResponse(value.LabelEn, value.LabelRu), value.Count);
}
