using Microsoft.AspNetCore.Mvc;

namespace SearchApi.Contracts;

/// <summary>The query and filters shared by search and facets.</summary>
public class QueryParameters
{
    /// <summary>
    /// What to look for, in English or Russian. Statements with every word come first, in any grammatical form
    /// ("corridor" also finds "corridors", "Лавров" also finds "Лавровым") or in translation ("sanctions" also finds
    /// «санкции»); when fewer than 10 have them all, those with most of them follow and a small typo is forgiven (match,
    /// typos). Function words such as "the", "what" or «о» are not required. Names match across languages and spellings ("CSTO" finds "ОДКБ").
    /// Also: "exact phrase", OR, -exclude, prefix*, (groups), title:word and text:word. Leave empty to list every statement.
    /// </summary>
    /// <example>humanitarian corridors</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>true: a query that breaks the syntax (an unclosed quote or parenthesis, a lone OR) is refused with 400 query_syntax and the position of the error. false (default): it is read as plain words.</summary>
    /// <example>false</example>
    [FromQuery(Name = "strict")]
    public bool? Strict { get; init; }

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

    /// <summary>
    /// true (default): words and terms of q are also looked for in translation, so that "sanctions" finds Russian
    /// statements about санкции and «совместное заявление» English joint statements; such hits list translation in
    /// matchedBy and rank below hits of the query's own words. false: only the words as typed, in their own language
    /// (names still match across languages as the entities they name).
    /// </summary>
    /// <example>true</example>
    [FromQuery(Name = "crossLanguage")]
    public bool? CrossLanguage { get; init; }

    /// <summary>
    /// most (default): when fewer than 10 statements have every word of q, the answer continues with the statements that
    /// have the most of them (at least half), those with more words first, each listing its missingWords. all: every
    /// word must be in every statement. Function words (the, what, о, ли …) are never required either way.
    /// </summary>
    /// <example>most</example>
    [FromQuery(Name = "match")]
    public string? Match { get; init; }

    /// <summary>
    /// true (default): when fewer than 10 statements match q as typed, words of five letters or more also match forms
    /// one edit away (two for nine letters or more; a swap of two letters is one edit), so "Lavorv" finds Lavrov; such hits
    /// list typo in matchedBy. false: only the words as typed. Numbers and shorter words are never corrected.
    /// </summary>
    /// <example>true</example>
    [FromQuery(Name = "typos")]
    public bool? Typos { get; init; }

    /// <summary>The query and filters as the core checks them.</summary>
    public Core.Search.QueryInput ToInput() => new(Q, Strict, Lang, Source, Kind, Person, Organization, Place, From, To, CrossLanguage, Match, Typos);
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

    /// <summary>Leave empty for the first page. For the next page, pass the nextCursor of the previous response, with the same q, filters and sort. The walk stays on the index as it was at the first page (for 10 minutes after the index changes), so every statement appears exactly once.</summary>
    /// <example></example>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>Passages of the text to return per hit, 0 to 5. Default 2.</summary>
    /// <example>2</example>
    [FromQuery(Name = "snippets")]
    public int? Snippets { get; init; }

    /// <summary>Longest passage in characters, 50 to 1000. Default 200.</summary>
    /// <example>200</example>
    [FromQuery(Name = "snippetLength")]
    public int? SnippetLength { get; init; }

    /// <summary>offsets (default): matched words as start/length offsets. html: also ready HTML of each passage and title, text escaped and matched words in &lt;mark&gt;.</summary>
    /// <example>offsets</example>
    [FromQuery(Name = "highlight")]
    public string? Highlight { get; init; }

    /// <summary>Facets to include with the hits, as GET /api/v1/facets counts them: lang, source, kind, year, person, organization, place, timeline. Repeatable.</summary>
    /// <example>lang</example>
    [FromQuery(Name = "facet")]
    public string[]? Facet { get; init; }

    /// <summary>Values per included facet, 1 to 100. Default 10.</summary>
    /// <example>10</example>
    [FromQuery(Name = "facetSize")]
    public int? FacetSize { get; init; }

    /// <summary>Bucket of the timeline facet: day, week, month (default) or year.</summary>
    /// <example>month</example>
    [FromQuery(Name = "interval")]
    public string? Interval { get; init; }
}

/// <summary>Parameters of GET /api/v1/facets.</summary>
public sealed class FacetParameters : QueryParameters
{
    /// <summary>Which facets to count: lang, source, kind, year, person, organization, place, timeline. Repeat the parameter for several; default all but timeline. Each facet is counted under every filter except its own, so all languages stay listed while lang=ru is selected.</summary>
    /// <example>person</example>
    [FromQuery(Name = "field")]
    public string[]? Field { get; init; }

    /// <summary>The most frequent values to return per facet, 1 to 100. Default 10. (The timeline returns every bucket in date order.)</summary>
    /// <example>10</example>
    [FromQuery(Name = "size")]
    public int? Size { get; init; }

    /// <summary>Bucket of the timeline facet: day, week, month (default) or year.</summary>
    /// <example>month</example>
    [FromQuery(Name = "interval")]
    public string? Interval { get; init; }
}

/// <summary>Parameters of GET /api/v1/facets/{field}/values.</summary>
public sealed class FacetValueParameters
{
    /// <summary>The beginning of a value or of a word of its name, in English or Russian, case and ё/е ignored. Empty lists the most frequent values.</summary>
    /// <example>лав</example>
    [FromQuery(Name = "prefix")]
    public string? Prefix { get; init; }

    /// <summary>Values to return, 1 to 50. Default 10.</summary>
    /// <example>10</example>
    [FromQuery(Name = "size")]
    public int? Size { get; init; }
}

/// <summary>Parameters of GET /api/v1/search/explain.</summary>
public sealed class ExplainParameters
{
    /// <summary>The query to explain, in the syntax of /api/v1/search.</summary>
    /// <example>Лавровым CSTO</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>true: report a syntax error instead of reading the query as plain words.</summary>
    /// <example>false</example>
    [FromQuery(Name = "strict")]
    public bool? Strict { get; init; }

    /// <summary>false: explain the query without translations into the other language (as crossLanguage=false searches it).</summary>
    /// <example>true</example>
    [FromQuery(Name = "crossLanguage")]
    public bool? CrossLanguage { get; init; }

    /// <summary>A statement id: also tell whether and how that statement matches.</summary>
    /// <example>ff633baefe86d7f1</example>
    [FromQuery(Name = "id")]
    public string? Id { get; init; }
}

/// <summary>Parameters of GET /api/v1/documents/{id}/similar.</summary>
public sealed class SimilarParameters
{
    /// <summary>Similar statements to return, 1 to 50. Default 10.</summary>
    /// <example>10</example>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    /// <summary>Only statements in this language (en or ru). Default both: statements in the other language are found through the people, organisations and places they share.</summary>
    /// <example>en</example>
    [FromQuery(Name = "lang")]
    public string? Lang { get; init; }
}

/// <summary>Parameters of GET /api/v1/documents/{id}/marks.</summary>
public sealed class MarksParameters
{
    /// <summary>The query whose words to mark, as given to the search.</summary>
    /// <example>Лавров ОДКБ</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>false: do not mark words found through a translation of the query. Default true, as the search.</summary>
    /// <example>true</example>
    [FromQuery(Name = "crossLanguage")]
    public bool? CrossLanguage { get; init; }
}

/// <summary>Parameters of GET /api/v1/search/feed.atom: the search's query and filters, newest first.</summary>
public sealed class AtomFeedParameters : QueryParameters
{
    /// <summary>Entries in the feed, the newest matching statements, 1 to 100. Default 20.</summary>
    /// <example>20</example>
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }
}
