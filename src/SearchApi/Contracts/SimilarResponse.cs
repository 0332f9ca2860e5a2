namespace SearchApi.Contracts;

/// <summary>Statements like the given one.</summary>
/// <param name="Id">The statement they are like.</param>
/// <param name="Hits">Most similar first.</param>
public sealed record SimilarResponse(string Id, IReadOnlyList<SimilarHitResponse> Hits);

/// <summary>A similar statement.</summary>
/// <param name="Score">Similarity; higher is closer.</param>
/// <param name="SharedEntities">People, organisations and places both statements name (entity ids).</param>
/// <param name="SimilarText">Whether the wording resembles the statement's (same language only).</param>
public sealed record SimilarHitResponse(
    string Id, string Title, string Lang, DateOnly? Date, string? Source, string? Url, string Kind, float Score,
    IReadOnlyList<string> SharedEntities, bool SimilarText);
