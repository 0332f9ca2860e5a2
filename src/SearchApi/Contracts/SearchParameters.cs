using Microsoft.AspNetCore.Mvc;

namespace SearchApi.Contracts;

/// <summary>The query and filters shared by search and facets.</summary>
public class QueryParameters
{
    /// <summary>
    /// Words to look for, in English or Russian. Every word must appear, in any grammatical form ("corridor" also finds
    /// "corridors", "Лавров" also finds "Лавровым"). Names of people, organisations and places match across languages
    /// and spellings: "CSTO" finds "ОДКБ", "Japarov" finds "Жапаров". Leave empty to list every statement.
    /// </summary>
    /// <example>humanitarian corridors</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only statements in this language: en (English) or ru (Russian). Repeat the parameter for several.</summary>
    /// <example>en</example>
    [FromQuery(Name = "lang")]
    public string[]? Lang { get; init; }

    /// <summary>Only statements from this site or agency, as listed by the source facet (for example mid.ru or 24.kg). Repeatable.</summary>
    /// <example>mid.ru</example>
    [FromQuery(Name = "source")]
    public string[]? Source { get; init; }

    /// <summary>Only statements of this kind: statement, joint-statement, transcript or news. Repeatable.</summary>
    /// <example>transcript</example>
    [FromQuery(Name = "kind")]
    public string[]? Kind { get; init; }

    /// <summary>Only statements that name this person, by entity id from the person facet (in any language or spelling). Repeat for several: all must be named.</summary>
    /// <example>person:sergey-lavrov</example>
    [FromQuery(Name = "person")]
    public string[]? Person { get; init; }

    /// <summary>Only statements that name this organisation, by entity id from the organization facet. Repeatable: all must be named.</summary>
    /// <example>organization:csto</example>
    [FromQuery(Name = "organization")]
    public string[]? Organization { get; init; }

    /// <summary>Only statements that name this place, by entity id from the place facet. Repeatable: all must be named.</summary>
    /// <example>place:kyrgyzstan</example>
    [FromQuery(Name = "place")]
    public string[]? Place { get; init; }

    /// <summary>Only statements dated on or after this day (YYYY-MM-DD). Undated statements are left out when a date filter is set.</summary>
    /// <example>2020-01-01</example>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Only statements dated on or before this day (YYYY-MM-DD), inclusive.</summary>
    /// <example>2024-12-31</example>
    [FromQuery(Name = "to")]
    public string? To { get; init; }
}

/// <summary>Parameters of GET /api/v1/search.</summary>
public sealed class SearchParameters : QueryParameters
{
    /// <summary>
    /// Order of hits: relevance (best match first; the default when q is given), -date (newest first; the default
    /// without q) or date (oldest first). Undated statements come last either way.
    /// </summary>
    /// <example>relevance</example>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Hits per page, 1 to 100. Default 10.</summary>
    /// <example>10</example>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>Leave empty for the first page. For the next page, pass the nextCursor of the previous response, with the same q, filters and sort.</summary>
    /// <example></example>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

/// <summary>Parameters of GET /api/v1/facets.</summary>
public sealed class FacetParameters : QueryParameters
{
    /// <summary>Which facets to count: lang, source, kind, year, person, organization, place. Repeat the parameter for several; default all.</summary>
    /// <example>person</example>
    [FromQuery(Name = "field")]
    public string[]? Field { get; init; }

    /// <summary>The most frequent values to return per facet, 1 to 100. Default 10.</summary>
    /// <example>10</example>
    [FromQuery(Name = "size")]
    public int? Size { get; init; }
}
