using System.Globalization;
using SearchApi.Contracts;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Errors;

namespace SearchApi.Endpoints;

/// <summary>Turns query-string parameters into domain requests, answering bad values with their problem code. Every limit is here.</summary>
public static class RequestParsing
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

    public static string Query(QueryParameters parameters)
    {
        var q = parameters.Q?.Trim() ?? "";
        if (q.Length > MaxQueryLength)
            throw new ApiException(ApiErrors.QueryTooLong, $"q has {q.Length} characters; the limit is {MaxQueryLength}.");
        return q;
    }

    public static SearchFilters Filters(QueryParameters parameters)
    {
        var langs = Values("lang", parameters.Lang);
        foreach (var lang in langs)
            if (!Languages.IsKnown(lang))
                throw new ApiException(ApiErrors.InvalidLang, $"lang '{lang}' is not one of: {string.Join(", ", Languages.All)}.");
        var kinds = Values("kind", parameters.Kind);
        foreach (var kind in kinds)
            if (!StatementKinds.IsKnown(kind))
                throw new ApiException(ApiErrors.InvalidKind, $"kind '{kind}' is not one of: {string.Join(", ", StatementKinds.All)}.");
        var from = Date("from", parameters.From);
        var to = Date("to", parameters.To);
        if (from > to) throw new ApiException(ApiErrors.InvalidDateRange, $"from ({from:yyyy-MM-dd}) is later than to ({to:yyyy-MM-dd}).");
        return new SearchFilters(langs, Values("source", parameters.Source), kinds, from, to)
        {
            People = EntityIds("person", parameters.Person),
            Organizations = EntityIds("organization", parameters.Organization),
            Places = EntityIds("place", parameters.Place),
        };
    }

    public static SearchSort Sort(string? sort, bool hasQuery) => sort?.Trim() switch
    {
        null or "" => hasQuery ? SearchSort.Relevance : SearchSort.DateDescending,
        "relevance" => SearchSort.Relevance,
        "date" => SearchSort.Date,
        "-date" => SearchSort.DateDescending,
        _ => throw new ApiException(ApiErrors.InvalidSort, $"sort '{sort}' is not one of: relevance, date, -date."),
    };

    public static int Limit(int? limit) => InRange("limit", limit, DefaultLimit, MaxLimit, ApiErrors.InvalidLimit);

    public static int FacetSize(int? size, string name = "size") => InRange(name, size, DefaultFacetSize, MaxFacetSize, ApiErrors.InvalidFacetSize);

    /// <summary>A count between 1 and <paramref name="max"/>, <paramref name="fallback"/> when absent.</summary>
    private static int InRange(string name, int? value, int fallback, int max, ApiError error) => value switch
    {
        null => fallback,
        >= 1 when value <= max => value.Value,
        _ => throw new ApiException(error, $"{name} must be between 1 and {max}; got {value}."),
    };

    public static SnippetOptions Snippets(int? count, int? length)
    {
        if (count is < 0 or > SnippetOptions.MaxCount)
            throw new ApiException(ApiErrors.InvalidSnippets, $"snippets must be between 0 and {SnippetOptions.MaxCount}; got {count}.");
        if (length is < SnippetOptions.MinLength or > SnippetOptions.MaxLength)
            throw new ApiException(ApiErrors.InvalidSnippets, $"snippetLength must be between {SnippetOptions.MinLength} and {SnippetOptions.MaxLength}; got {length}.");
        return new SnippetOptions(count ?? SnippetOptions.DefaultCount, length ?? SnippetOptions.DefaultLength);
    }

    /// <summary>True for highlight=html, false for offsets (the default).</summary>
    public static bool Html(string? highlight) => highlight?.Trim() switch
    {
        null or "" or "offsets" => false,
        "html" => true,
        _ => throw new ApiException(ApiErrors.InvalidHighlight, $"highlight '{highlight}' is not one of: offsets, html."),
    };

    public static TimelineInterval Interval(string? interval) => interval?.Trim() switch
    {
        null or "" or "month" => TimelineInterval.Month,
        "day" => TimelineInterval.Day,
        "week" => TimelineInterval.Week,
        "year" => TimelineInterval.Year,
        _ => throw new ApiException(ApiErrors.InvalidInterval, $"interval '{interval}' is not one of: day, week, month, year."),
    };

    /// <summary>Facet fields as asked, or <paramref name="defaults"/> when none are; an unknown field is a problem.</summary>
    public static IReadOnlyList<string> FacetFields(string name, string[]? fields, IReadOnlyList<string> defaults)
    {
        var list = Values(name, fields);
        if (list.Count == 0) return defaults;
        foreach (var field in list)
            if (!FacetService.Fields.Contains(field))
                throw new ApiException(ApiErrors.UnknownFacetField, $"{name} '{field}' is not one of: {string.Join(", ", FacetService.Fields)}.");
        return list;
    }

    public static int SimilarLimit(int? limit) => InRange("limit", limit, DefaultSimilar, MaxSimilar, ApiErrors.InvalidLimit);

    public static int ValueCount(int? size) => InRange("size", size, DefaultValues, MaxValues, ApiErrors.InvalidFacetSize);

    public static string? Lang(string? lang)
    {
        if (string.IsNullOrWhiteSpace(lang)) return null;
        var trimmed = lang.Trim();
        return Languages.IsKnown(trimmed)
            ? trimmed
            : throw new ApiException(ApiErrors.InvalidLang, $"lang '{lang}' is not one of: {string.Join(", ", Languages.All)}.");
    }

    private static List<string> Values(string name, string[]? values)
    {
        var list = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count > MaxValuesPerFilter)
            throw new ApiException(ApiErrors.TooManyValues, $"{name} is given {list.Count} times; the limit is {MaxValuesPerFilter}.");
        foreach (var value in list)
            if (value.Length > MaxValueLength)
                throw new ApiException(ApiErrors.InvalidParameter, $"A {name} value is longer than {MaxValueLength} characters.");
        return list;
    }

    private static List<string> EntityIds(string type, string[]? values)
    {
        var ids = Values(type, values);
        foreach (var id in ids)
            if (!id.StartsWith(type + ":", StringComparison.Ordinal) || id.Length == type.Length + 1)
                throw new ApiException(ApiErrors.InvalidEntity, $"{type} '{id}' is not a {type} id; ids look like {type}:name (see the {type} facet).");
        return ids;
    }

    private static DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        throw new ApiException(ApiErrors.InvalidDate, $"{name} '{value}' is not a calendar date in the form YYYY-MM-DD.");
    }
}
