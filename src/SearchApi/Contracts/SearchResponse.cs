namespace SearchApi.Contracts;

/// <summary>One page of search results.</summary>
/// <param name="Total">Exact number of statements that match, over all pages.</param>
/// <param name="TookMs">Time the search took on the server, in milliseconds.</param>
/// <param name="Hits">The statements of this page, in the requested order.</param>
/// <param name="NextCursor">Pass as cursor to get the next page; null on the last page.</param>
/// <param name="Facets">The facets asked for with facet=, counted as GET /api/v1/facets counts them; null when none were asked for.</param>
/// <param name="QueryWarning">Set when the query broke the syntax and was read as plain words: what was wrong and where.</param>
/// <param name="Match">all: every hit has every word of q (in some form, name, translation or typo); partial: fewer than 10 statements have them all, and the hits after those miss some words (see missingWords).</param>
/// <param name="Suggestion">On a first page that finds fewer than 10 statements as typed: a corrected q that finds at least three times as many. Null otherwise.</param>
/// <param name="LanguageSuggestion">
/// On a first page restricted to one language (lang=) or to the words as typed (crossLanguage=false) that finds fewer
/// than 10 statements: the other language where the same query, translated, finds at least 10 and three times as many.
/// Null otherwise.
/// </param>
public sealed record SearchResponse(
    long Total,
    long TookMs,
    IReadOnlyList<SearchHitResponse> Hits,
    string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValueResponse>>? Facets = null,
    string? QueryWarning = null,
    LanguageSuggestionResponse? LanguageSuggestion = null,
    string Match = "all",
    SuggestionResponse? Suggestion = null);

/// <summary>"Did you mean": a corrected query that finds many more statements than q as typed.</summary>
/// <param name="Q">The corrected query: search again with it.</param>
/// <param name="Total">How many statements it finds, with the same filters.</param>
public sealed record SuggestionResponse(string Q, long Total);

/// <summary>The offer to look in the other language: search again with lang={lang}&amp;crossLanguage=true and the same q and other filters.</summary>
/// <param name="Lang">The language to switch to: en or ru.</param>
/// <param name="Total">How many statements in that language the same query and filters find in translation.</param>
/// <param name="Message">The offer in words, for people: "0 English statements match; 209 Russian statements do (in translation)."</param>
public sealed record LanguageSuggestionResponse(string Lang, long Total, string Message);

/// <summary>A statement that matched.</summary>
/// <param name="Id">Stable id; GET /api/v1/documents/{id} returns the whole statement.</param>
/// <param name="Title">The headline, or the opening of the first sentence when the statement has none.</param>
/// <param name="Lang">Language of the text: en or ru.</param>
/// <param name="Date">The statement's date (YYYY-MM-DD), or null when it has none.</param>
/// <param name="DatePrecision">day when the text states the full date, inferred when the year was worked out, year when only the year is known (from the title; the date is its first day), null without a date.</param>
/// <param name="Source">The site or agency that published it (mid.ru, 24.kg …), when known.</param>
/// <param name="Url">Address of the original publication, when known.</param>
/// <param name="Kind">statement, joint-statement, transcript or news.</param>
/// <param name="Score">Relevance score; higher is better. 0 when listing without a query.</param>
/// <param name="Snippets">The passages that best match the query, with the matched words marked.</param>
/// <param name="TitleHighlights">The matched words of the title, as offsets into title.</param>
/// <param name="TitleHtml">With highlight=html: the title as HTML, escaped, matched words in &lt;mark&gt;.</param>
/// <param name="MatchedBy">How the query matched, strongest first: exact (the words as typed), stem (other forms of the words), entity (the named person, organisation or place, in any language), translit (a name in another script or spelling), translation (a translation of a word or term into the statement's language), typo (a form an edit or two away from a word as typed). Empty without a query.</param>
/// <param name="MissingWords">In a partial answer, the words of q (or names, terms, phrases) this statement does not have; empty when it has them all.</param>
public sealed record SearchHitResponse(
    string Id,
    string Title,
    string Lang,
    DateOnly? Date,
    string? DatePrecision,
    string? Source,
    string? Url,
    string Kind,
    float Score,
    IReadOnlyList<SnippetResponse> Snippets,
    IReadOnlyList<string> MatchedBy,
    IReadOnlyList<HighlightResponse> TitleHighlights,
    string? TitleHtml = null,
    IReadOnlyList<string>? MissingWords = null);

/// <summary>A passage of the statement's text.</summary>
/// <param name="Text">The passage; "…" marks where it was cut.</param>
/// <param name="Highlights">The matched words, as offsets into text (in UTF-16 code units, as JavaScript strings count).</param>
/// <param name="Html">With highlight=html: the passage as HTML, escaped, matched words in &lt;mark&gt;.</param>
public sealed record SnippetResponse(string Text, IReadOnlyList<HighlightResponse> Highlights, string? Html = null);

/// <param name="Start">Offset of the first character of the matched word in the snippet text.</param>
/// <param name="Length">Length of the matched word.</param>
public sealed record HighlightResponse(int Start, int Length);
