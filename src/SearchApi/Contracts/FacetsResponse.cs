namespace SearchApi.Contracts;

/// <summary>Facet counts over every statement that matches the query and filters.</summary>
/// <param name="Total">Exact number of matching statements.</param>
/// <param name="Exact">Always true: counts are exact, not estimates.</param>
/// <param name="Facets">Per requested field, the most frequent values by count.</param>
public sealed record FacetsResponse(long Total, bool Exact, IReadOnlyDictionary<string, IReadOnlyList<FacetValueResponse>> Facets);

/// <param name="Value">The value to filter by (for example ru, mid.ru, transcript, 2022, person:sergey-lavrov).</param>
/// <param name="Label">The value in words, in English, for display (for example Russian, Joint statement, Sergey Lavrov).</param>
/// <param name="Labels">The value in words in English and in Russian.</param>
/// <param name="Count">Number of matching statements with this value; an entity counts once per statement, whichever language names it.</param>
public sealed record FacetValueResponse(string Value, string Label, LabelsResponse Labels, int Count);

/// <summary>A name in English and in Russian.</summary>
public sealed record LabelsResponse(string En, string Ru);

/// <summary>Facet values that begin with a prefix, for autocomplete.</summary>
/// <param name="Field">The facet field searched.</param>
/// <param name="Prefix">The prefix as given.</param>
/// <param name="Exact">Always true: counts are exact.</param>
/// <param name="Values">Matching values, most frequent first; counts are over all statements.</param>
public sealed record FacetValuesResponse(string Field, string Prefix, bool Exact, IReadOnlyList<FacetValueResponse> Values);
