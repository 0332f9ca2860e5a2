namespace SearchApi.Endpoints;

/// <summary>The problem answers each kind of endpoint documents in OpenAPI, declared once per kind.</summary>
public static class ProblemResponses
{
    /// <summary>Reads of the index: a bad parameter, or the index not ready, unavailable or too slow.</summary>
    public static RouteHandlerBuilder ProducesReadProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Anything behind the API key: no key, or a key that is not valid.</summary>
    public static RouteHandlerBuilder ProducesKeyProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Writes with a body: the key, the body's size, type, bytes and content, and a store or index that cannot take it.</summary>
    public static RouteHandlerBuilder ProducesWriteProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesKeyProblems()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
