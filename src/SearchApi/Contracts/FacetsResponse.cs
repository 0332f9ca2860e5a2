namespace SearchApi.Contracts;

/// <summary>Facet counts over every statement that matches the query and filters.</summary>
/// <param name="Total">Exact number of matching statements.</param>
/// <param name="Exact">Always true: counts are exact, not estimates.</param>
/// <param name="Facets">Per requested field, the most frequent values by count.</param>
public sealed record FacetsResponse(long Total, bool Exact, IReadOnlyDictionary<string, IReadOnlyList<FacetValueResponse>> Facets);

/// <param name="Value">The value to filter by (for example ru, mid.ru, transcript, 2022).</param>
/// <param name="Label">The value in words, for display (for example Russian, Joint statement).</param>
/// <param name="Count">Number of matching statements with this value.</param>
public sealed record FacetValueResponse(string Value, string Label, int Count);
