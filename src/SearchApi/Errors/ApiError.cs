namespace SearchApi.Errors;

/// <summary>One kind of error: its stable code (the "code" member of the problem document), HTTP status and title.</summary>
public sealed record ApiError(string Code, int Status, string Title)
{
    /// <summary>The problem type URI of RFC 9457.</summary>
    public string Type => "urn:searchapi:problem:" + Code;
}

/// <summary>Every error the API can answer with, in one table. Codes never change once published.</summary>
public static class ApiErrors
{
    public static readonly ApiError InvalidParameter = new("invalid_parameter", 400, "A parameter has the wrong type or format.");
    public static readonly ApiError QueryTooLong = new("query_too_long", 400, "The query is too long.");
    public static readonly ApiError QuerySyntax = new("query_syntax", 400, "The query breaks the query syntax.");
    public static readonly ApiError TooManyClauses = new("too_many_clauses", 400, "The query holds too many words, phrases and prefixes.");
    public static readonly ApiError TooManyExpansions = new("too_many_expansions", 400, "A prefix* matches too many words.");
    public static readonly ApiError TooManyBuckets = new("too_many_buckets", 400, "The timeline would have too many buckets.");
    public static readonly ApiError InvalidSnippets = new("invalid_snippets", 400, "snippets or snippetLength is out of range.");
    public static readonly ApiError InvalidHighlight = new("invalid_highlight", 400, "Unknown highlight format.");
    public static readonly ApiError InvalidInterval = new("invalid_interval", 400, "Unknown timeline interval.");
    public static readonly ApiError InvalidMatch = new("invalid_match", 400, "Unknown match mode.");
    public static readonly ApiError InvalidLimit = new("invalid_limit", 400, "limit is out of range.");
    public static readonly ApiError InvalidDate = new("invalid_date", 400, "A date is not a calendar date in the form YYYY-MM-DD.");
    public static readonly ApiError InvalidDateRange = new("invalid_date_range", 400, "from is later than to.");
    public static readonly ApiError InvalidSort = new("invalid_sort", 400, "Unknown sort order.");
    public static readonly ApiError InvalidLang = new("invalid_lang", 400, "Unknown language.");
    public static readonly ApiError InvalidKind = new("invalid_kind", 400, "Unknown statement kind.");
    public static readonly ApiError InvalidEntity = new("invalid_entity", 400, "An entity filter is not an entity id of its type.");
    public static readonly ApiError TooManyValues = new("too_many_values", 400, "A filter lists too many values.");
    public static readonly ApiError InvalidCursor = new("invalid_cursor", 400, "The cursor is not one this service issued.");
    public static readonly ApiError CursorMismatch = new("cursor_mismatch", 400, "The cursor belongs to a different search.");
    public static readonly ApiError CursorExpired = new("cursor_expired", 410, "The index snapshot the cursor was pinned to is gone.");
    public static readonly ApiError UnknownFacetField = new("unknown_facet_field", 400, "Unknown facet field.");
    public static readonly ApiError InvalidFacetSize = new("invalid_facet_size", 400, "size is out of range.");
    public static readonly ApiError InvalidId = new("invalid_id", 400, "The statement id is malformed.");
    public static readonly ApiError DocumentNotFound = new("document_not_found", 404, "No statement has this id.");
    public static readonly ApiError NotFound = new("not_found", 404, "There is no such endpoint.");
    public static readonly ApiError MethodNotAllowed = new("method_not_allowed", 405, "The endpoint does not accept this HTTP method.");
    public static readonly ApiError InvalidJson = new("invalid_json", 400, "The request body is not valid JSON.");
    public static readonly ApiError InvalidGzip = new("invalid_gzip", 400, "The body is sent as gzip but is not valid gzip (corrupt or cut short).");
    public static readonly ApiError UnsupportedEncoding = new("unsupported_encoding", 415, "The body's Content-Encoding is not one this endpoint takes.");
    public static readonly ApiError MissingApiKey = new("missing_api_key", 401, "This endpoint needs an API key in the X-Api-Key header.");
    public static readonly ApiError InvalidApiKey = new("invalid_api_key", 403, "The API key is not valid.");
    public static readonly ApiError WritesDisabled = new("writes_disabled", 403, "Writes are disabled: no API keys are configured.");
    public static readonly ApiError PayloadTooLarge = new("payload_too_large", 413, "The request body is too large.");
    public static readonly ApiError UnsupportedMediaType = new("unsupported_media_type", 415, "The request body has a content type this endpoint does not take.");
    public static readonly ApiError InvalidStatement = new("invalid_statement", 422, "The statement is not valid.");
    public static readonly ApiError InvalidText = new("invalid_text", 422, "The text is not valid UTF-8.");
    public static readonly ApiError RateLimited = new("rate_limited", 429, "Too many requests; slow down.");
    public static readonly ApiError SearchTimeout = new("search_timeout", 503, "The search took too long and was stopped.");
    public static readonly ApiError NotReady = new("index_not_ready", 503, "The search index is still being built; try again shortly.");
    public static readonly ApiError StoreUnavailable = new("store_unavailable", 503, "The statement store cannot be reached; try again shortly.");
    public static readonly ApiError StoreFailed = new("store_failed", 503, "The statement store failed to read or write; nothing was written.");
    public static readonly ApiError IndexUnavailable = new("index_unavailable", 503, "The search index cannot be used now; it is being repaired.");
    public static readonly ApiError TooManyRejectedLines = new("too_many_rejected_lines", 400, "A bulk upload had too many lines that could not be read.");
    public static readonly ApiError TooManyLines = new("too_many_lines", 413, "A bulk upload had more lines than one upload may hold.");
    public static readonly ApiError Internal = new("internal_error", 500, "Something went wrong on our side.");

    public static IReadOnlyList<ApiError> All { get; } =
        typeof(ApiErrors).GetFields().Where(f => f.FieldType == typeof(ApiError)).Select(f => (ApiError)f.GetValue(null)!).ToList();

    public static ApiError? ForStatus(int status) => status switch
    {
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        _ => null,
    };
}

/// <summary>Thrown by request validation; turned into a problem document in one place (<see cref="ProblemExceptionHandler"/>).</summary>
public sealed class ApiException(ApiError error, string detail, IReadOnlyDictionary<string, object?>? extensions = null) : Exception(detail)
{
    public ApiError Error { get; } = error;

    /// <summary>Members added to the problem document (for example the position of a syntax error).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
