using System.Globalization;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Search;

/// <summary>What was wrong with a read request; the web host answers each with its own problem code.</summary>
public enum RequestProblem
{
    InvalidParameter,
    QueryTooLong,
    InvalidLang,
    InvalidKind,
    InvalidEntity,
    InvalidDate,
    InvalidDateRange,
    TooManyValues,
    InvalidSort,
    InvalidLimit,
    InvalidFacetSize,
    InvalidSnippets,
    InvalidHighlight,
    InvalidInterval,
    UnknownFacetField,
    InvalidId,
    InvalidMatch,
}

/// <summary>A read request that cannot be run, with what is wrong in words the client can act on.</summary>
public sealed class InvalidRequestException(RequestProblem problem, string message) : Exception(message)
{
    public RequestProblem Problem { get; } = problem;
}

/// <summary>
/// The query and filters of a read request as the client typed them: an HTTP query string and the CLI's options
/// both arrive as this, so both are checked by the same rules (<see cref="ReadRequests.Query"/>).
/// </summary>
public sealed record QueryInput(
    string? Q = null,
    bool? Strict = null,
    IReadOnlyList<string>? Lang = null,
    IReadOnlyList<string>? Source = null,
    IReadOnlyList<string>? Kind = null,
    IReadOnlyList<string>? Person = null,
    IReadOnlyList<string>? Organization = null,
    IReadOnlyList<string>? Place = null,
    string? From = null,
    string? To = null,
    bool? CrossLanguage = null,
    string? Match = null,
    bool? Typos = null);

/// <summary>How many of a query's words a statement must match.</summary>
public enum MatchMode
{
    /// <summary>Every word, or — when fewer than <see cref="ReadSession.FewHits"/> statements have every word — as many as possible (at least half), the most first.</summary>
    Most,
    /// <summary>Every word (function words aside), always.</summary>
    All,
}

/// <summary>A checked query with its filters: what a <see cref="ReadSession"/> is opened for.</summary>
/// <param name="Strict">Refuse a malformed query instead of reading it as plain words.</param>
/// <param name="CrossLanguage">Also look for the query's words in translation, in statements of the other language.</param>
/// <param name="Match">Whether a statement may miss some of the words when few have them all.</param>
/// <param name="Typos">Whether words may match forms an edit or two away when few statements match as typed.</param>
public sealed record QueryRequest(string Query, SearchFilters Filters, bool Strict = false, bool CrossLanguage = true, MatchMode Match = MatchMode.Most, bool Typos = true)
{
    /// <summary>How the query's plan is read (without typos: the session adds them only when it must).</summary>
    public PlanOptions Options => new(Strict, CrossLanguage);

    public static readonly QueryRequest Everything = new("", SearchFilters.None);
}

/// <summary>
/// Turns what a client sent into requests the core runs, refusing bad values with <see cref="InvalidRequestException"/>.
/// Every limit of a read request is here, the same for the HTTP API and the operator commands.
/// </summary>
public static class ReadRequests
{
    public const int MaxQueryLength = 1_000;
    public const int MaxValuesPerFilter = 20;
    public const int MaxValueLength = 200;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;
    public const int DefaultFacetSize = 10;
    public const int MaxFacetSize = 100;
    public const int DefaultSimilar = 10;
    public const int MaxSimilar = 50;
    public const int DefaultValues = 10;
    public const int MaxValues = 50;

    public static QueryRequest Query(QueryInput input)
    {
        var q = input.Q?.Trim() ?? "";
        if (q.Length > MaxQueryLength)
            throw new InvalidRequestException(RequestProblem.QueryTooLong, $"q has {q.Length} characters; the limit is {MaxQueryLength}.");
        return new QueryRequest(q, Filters(input), input.Strict ?? false, input.CrossLanguage ?? true, Match(input.Match), input.Typos ?? true);
    }

    private static SearchFilters Filters(QueryInput input)
    {
        var langs = Values("lang", input.Lang);
        foreach (var lang in langs)
            if (!Languages.IsKnown(lang))
                throw new InvalidRequestException(RequestProblem.InvalidLang, $"lang '{lang}' is not one of: {string.Join(", ", Languages.All)}.");
        var kinds = Values("kind", input.Kind);
        foreach (var kind in kinds)
            if (!StatementKinds.IsKnown(kind))
                throw new InvalidRequestException(RequestProblem.InvalidKind, $"kind '{kind}' is not one of: {string.Join(", ", StatementKinds.All)}.");
        var from = Date("from", input.From);
        var to = Date("to", input.To);
        if (from > to) throw new InvalidRequestException(RequestProblem.InvalidDateRange, $"from ({from:yyyy-MM-dd}) is later than to ({to:yyyy-MM-dd}).");
        return new SearchFilters(langs, Values("source", input.Source), kinds, from, to)
        {
            People = EntityIds(EntityTypes.Person, input.Person),
            Organizations = EntityIds(EntityTypes.Organization, input.Organization),
            Places = EntityIds(EntityTypes.Place, input.Place),
        };
    }

    // The closed sets of values parameters take, as the parsers below accept them (the OpenAPI document lists them).
    public static readonly IReadOnlyList<string> MatchNames = ["most", "all"];
    public static readonly IReadOnlyList<string> SortNames = ["relevance", "date", "-date"];
    public static readonly IReadOnlyList<string> HighlightNames = ["offsets", "html"];
    public static readonly IReadOnlyList<string> IntervalNames = ["day", "week", "month", "year"];
    public static readonly IReadOnlyList<string> FormatNames = ["ndjson", "csv"];

    /// <summary>all: every word must match; most (the default): as many as possible when few statements have them all.</summary>
    public static MatchMode Match(string? match) => match?.Trim() switch
    {
        null or "" or "most" => MatchMode.Most,
        "all" => MatchMode.All,
        _ => throw new InvalidRequestException(RequestProblem.InvalidMatch, $"match '{match}' is not one of: most, all."),
    };

    /// <summary>The sort order; by default relevance when there is a query, newest first when there is none.</summary>
    public static SearchSort Sort(string? sort, bool hasQuery) => sort?.Trim() switch
    {
        null or "" => hasQuery ? SearchSort.Relevance : SearchSort.DateDescending,
        "relevance" => SearchSort.Relevance,
        "date" => SearchSort.Date,
        "-date" => SearchSort.DateDescending,
        _ => throw new InvalidRequestException(RequestProblem.InvalidSort, $"sort '{sort}' is not one of: relevance, date, -date."),
    };

    public static int Limit(int? limit) => InRange("limit", limit, DefaultLimit, MaxLimit, RequestProblem.InvalidLimit);

    /// <summary>Entries of a search's Atom feed: 1 to 100, 20 when absent.</summary>
    public static int FeedLimit(int? limit) => InRange("limit", limit, DefaultFeedEntries, MaxLimit, RequestProblem.InvalidLimit);

    public const int DefaultFeedEntries = 20;

    public static int SimilarLimit(int? limit) => InRange("limit", limit, DefaultSimilar, MaxSimilar, RequestProblem.InvalidLimit);

    public static int FacetSize(int? size, string name = "size") => InRange(name, size, DefaultFacetSize, MaxFacetSize, RequestProblem.InvalidFacetSize);

    public static int ValueCount(int? size) => InRange("size", size, DefaultValues, MaxValues, RequestProblem.InvalidFacetSize);

    /// <summary>A count between 1 and <paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    private static int InRange(string name, int? value, int fallback, int max, RequestProblem problem) => value switch
    {
        null => fallback,
        >= 1 when value <= max => value.Value,
        _ => throw new InvalidRequestException(problem, $"{name} must be between 1 and {max}; got {value}."),
    };

    public static SnippetOptions Snippets(int? count, int? length)
    {
        if (count is < 0 or > SnippetOptions.MaxCount)
            throw new InvalidRequestException(RequestProblem.InvalidSnippets, $"snippets must be between 0 and {SnippetOptions.MaxCount}; got {count}.");
        if (length is < SnippetOptions.MinLength or > SnippetOptions.MaxLength)
            throw new InvalidRequestException(RequestProblem.InvalidSnippets, $"snippetLength must be between {SnippetOptions.MinLength} and {SnippetOptions.MaxLength}; got {length}.");
        return new SnippetOptions(count ?? SnippetOptions.DefaultCount, length ?? SnippetOptions.DefaultLength);
    }

    /// <summary>True for highlight=html, false for offsets (the default).</summary>
    public static bool Html(string? highlight) => highlight?.Trim() switch
    {
        null or "" or "offsets" => false,
        "html" => true,
        _ => throw new InvalidRequestException(RequestProblem.InvalidHighlight, $"highlight '{highlight}' is not one of: offsets, html."),
    };

    public static TimelineInterval Interval(string? interval) => interval?.Trim() switch
    {
        null or "" or "month" => TimelineInterval.Month,
        "day" => TimelineInterval.Day,
        "week" => TimelineInterval.Week,
        "year" => TimelineInterval.Year,
        _ => throw new InvalidRequestException(RequestProblem.InvalidInterval, $"interval '{interval}' is not one of: day, week, month, year."),
    };

    public static ExportFormat Format(string? format) => format?.Trim() switch
    {
        null or "" or "ndjson" => ExportFormat.Ndjson,
        "csv" => ExportFormat.Csv,
        _ => throw new InvalidRequestException(RequestProblem.InvalidParameter, $"format '{format}' is not one of: ndjson, csv."),
    };

    /// <summary>Facet fields as asked, or <paramref name="defaults"/> when none are; an unknown field is a problem.</summary>
    public static IReadOnlyList<string> FacetFields(string name, IReadOnlyList<string>? fields, IReadOnlyList<string> defaults)
    {
        var list = Values(name, fields);
        if (list.Count == 0) return defaults;
        foreach (var field in list) FacetField(field, name, FacetSpec.AllFields);
        return list;
    }

    /// <summary>One facet field from <paramref name="allowed"/>.</summary>
    public static string FacetField(string field, string name, IReadOnlyList<string> allowed) =>
        allowed.Contains(field)
            ? field
            : throw new InvalidRequestException(RequestProblem.UnknownFacetField, $"{name} '{field}' is not one of: {string.Join(", ", allowed)}.");

    /// <summary>The beginning of a facet value to complete.</summary>
    public static string Prefix(string? prefix) =>
        prefix is { Length: > MaxValueLength }
            ? throw new InvalidRequestException(RequestProblem.InvalidParameter, $"prefix is longer than {MaxValueLength} characters ({prefix.Length}).")
            : prefix ?? "";

    /// <summary>One language, or null for both.</summary>
    public static string? Lang(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var trimmed = lang.Trim();
        return Languages.IsKnown(trimmed)
            ? trimmed
            : throw new InvalidRequestException(RequestProblem.InvalidLang, $"lang '{lang}' is not one of: {string.Join(", ", Languages.All)}.");
    }

    /// <summary>A statement id that can exist.</summary>
    public static string Id(string id) =>
        StatementIds.IsValid(id) ? id : throw new InvalidRequestException(RequestProblem.InvalidId, $"An id is 1-{StatementIds.MaxLength} letters, digits, '.', '_', ':' or '-'.");

    private static List<string> Values(string name, IReadOnlyList<string>? values)
    {
        var list = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxValuesPerFilter)
            throw new InvalidRequestException(RequestProblem.TooManyValues, $"{name} is given {list.Count} times; the limit is {MaxValuesPerFilter}.");
        foreach (var value in list)
            if (value.Length > MaxValueLength)
                throw new InvalidRequestException(RequestProblem.InvalidParameter, $"A {name} value is longer than {MaxValueLength} characters.");
        return list;
    }

    private static List<string> EntityIds(string type, IReadOnlyList<string>? values)
    {
        var ids = Values(type, values);
        foreach (var id in ids)
            if (!id.StartsWith(type + ":", StringComparison.Ordinal) || id.Length == type.Length + 1)
                throw new InvalidRequestException(RequestProblem.InvalidEntity, $"{type} '{id}' is not a {type} id; ids look like {type}:name (see the {type} facet).");
        return ids;
    }

    private static DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new InvalidRequestException(RequestProblem.InvalidDate, $"{name} '{value}' is not a calendar date in the form YYYY-MM-DD.");
    }
}
