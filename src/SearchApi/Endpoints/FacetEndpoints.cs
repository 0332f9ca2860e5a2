using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Observability;

namespace SearchApi.Endpoints;

/// <summary>GET /api/v1/facets and /api/v1/facets/{field}/values: counts of matching statements per value, and value autocomplete.</summary>
public static class FacetEndpoints
{
    private static readonly IReadOnlyList<string> DefaultFields = FacetLabels.Fields;

    public static RouteGroupBuilder MapFacets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/facets").WithTags("Facets").AddEndpointFilter<ReadyIndexFilter>();
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
            .ProducesReadProblems();
        group.MapGet("/{field}/values", Values)
            .WithName("FacetValues")
            .WithSummary("Find facet values by the beginning of their name (autocomplete)")
            .WithDescription(
                "Lists the values of one facet field whose value, or a word of whose English or Russian name, begins with " +
                "prefix — \"лав\" finds Sergey Lavrov, \"csto\" the Collective Security Treaty Organization — most frequent " +
                "first, with exact counts over all statements. Fields: lang, source, kind, year, person, organization, place.")
            .ProducesReadProblems();
        return group;
    }

    private static Results<Ok<FacetsResponse>, StatusCodeHttpResult> Facets(
        [AsParameters] FacetParameters parameters, ReadSessions sessions, SearchMetrics metrics, HttpContext http)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var request = ReadRequests.Query(parameters.ToInput());
        var spec = new FacetSpec(
            ReadRequests.FacetFields("field", parameters.Field, DefaultFields), ReadRequests.FacetSize(parameters.Size), ReadRequests.Interval(parameters.Interval));
        using var session = sessions.Open(request);
        if (IndexETags.NotModified(http, session)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var counts = session.Facets(spec);
        metrics.RecordSearch("facets", System.Diagnostics.Stopwatch.GetElapsedTime(started), counts.Total);
        return TypedResults.Ok(ToResponse(counts));
    }

    /// <param name="field" example="person">The facet field: lang, source, kind, year, person, organization or place.</param>
    private static Ok<FacetValuesResponse> Values(string field, [AsParameters] FacetValueParameters parameters, FacetValueSearch values)
    {
        ReadRequests.FacetField(field, "field", FacetLabels.Fields);
        var prefix = ReadRequests.Prefix(parameters.Prefix);
        var found = values.Find(field, prefix, ReadRequests.ValueCount(parameters.Size));
        return TypedResults.Ok(new FacetValuesResponse(field, prefix, true, found.Select(ToResponse).ToList()));
    }

    public static FacetsResponse ToResponse(FacetResult result) => new(
        result.Total,
        true,
        result.Fields.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetValueResponse>)f.Value.Select(ToResponse).ToList()));

    private static FacetValueResponse ToResponse(FacetValue value) =>
        new(value.Value, value.LabelEn, new LabelsResponse(value.LabelEn, value.LabelRu), value.Count);
}
