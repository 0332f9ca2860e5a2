using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

public enum SearchSort
{
    /// <summary>Best match first; ties newest first, then by id.</summary>
    Relevance,
    /// <summary>Oldest first; undated statements last.</summary>
    Date,
    /// <summary>Newest first; undated statements last.</summary>
    DateDescending,
}

/// <summary>Restrictions on which statements a search or facet count considers. Values within one field are alternatives.</summary>
public sealed record SearchFilters(
    IReadOnlyList<string> Langs,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Kinds,
    DateOnly? From,
    DateOnly? To)
{
    public static readonly SearchFilters None = new([], [], [], null, null);

    /// <summary>Entity ids (person:…) that must all be named.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    public IReadOnlyList<string> Organizations { get; init; } = [];

    public IReadOnlyList<string> Places { get; init; } = [];
}

/// <summary>The sort values of the last hit of a page; the next page starts after it.</summary>
/// <param name="Days">The date sort value, including the stand-in that puts undated statements last.</param>
/// <param name="Doc">
/// The hit's document number in the snapshot the cursor is pinned to: the final tie-break. Stable within a snapshot,
/// and much cheaper to compare than the statement id.
/// </param>
/// <param name="Scales">With relevance blended across languages, each language's best score the walk divides by.</param>
/// <param name="Tier">Which tier of a partial answer the hit is in: 0 for the statements with every word, 1 for one word fewer …</param>
public sealed record SearchPosition(float Score, int Days, int Doc, LanguageScales? Scales = null, int Tier = 0);

/// <summary>One page of a session's hits: in which order, how many, after which hit, with how many snippets.</summary>
/// <param name="After">Continue after this position (a cursor's, on the snapshot the session was opened on); null for the first page.</param>
public sealed record SearchPage(SearchSort Sort, int Limit, SearchPosition? After = null, SnippetOptions? Snippets = null);

/// <param name="MatchedBy">How the query's words matched this statement, strongest first.</param>
/// <param name="TitleHighlights">The matched words of the title.</param>
/// <param name="MissingWords">In a partial answer, the query's words (or names, terms, phrases) this statement does not have.</param>
public sealed record SearchHit(
    IndexedStatement Statement,
    float Score,
    IReadOnlyList<Snippet> Snippets,
    SearchPosition Position,
    IReadOnlyList<MatchKind> MatchedBy,
    IReadOnlyList<Highlight> TitleHighlights,
    IReadOnlyList<string> MissingWords);

/// <param name="Total">Exact number of statements matching the query and filters.</param>
/// <param name="Next">Where the next page starts; null when this page is the last.</param>
/// <param name="Degraded">Set when the query broke the syntax and was read as plain words.</param>
/// <param name="OtherLanguage">When the answer is restricted to one language (or to the query's own words) and finds few statements, the other language that has many.</param>
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits, Cursor? Next, QuerySyntaxException? Degraded, LanguageSuggestion? OtherLanguage = null)
{
    /// <summary>Whether the answer holds statements that miss some of the query's words (fewer than <see cref="ReadSession.FewHits"/> have them all).</summary>
    public bool Partial { get; init; }

    /// <summary>On a first page that finds few statements as typed: a corrected query that finds many more.</summary>
    public QuerySuggestion? Suggestion { get; init; }
}

/// <summary>
/// The switch a reader is offered when one language has few hits and the other many: the same query and filters in
/// <see cref="Lang"/>, with translation on, find <see cref="Total"/> statements.
/// </summary>
public sealed record LanguageSuggestion(string Lang, long Total);

/// <summary>The snapshot a cursor was pinned to is gone (superseded longer than the snapshot lifetime).</summary>
public sealed class SnapshotExpiredException() : Exception("The index snapshot this cursor was pinned to has expired.");
