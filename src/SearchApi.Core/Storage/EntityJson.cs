using System.Text.Json;
using System.Text.Json.Serialization;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Storage;

/// <summary>The JSON form of a statement's entities in the store's entities column.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<StatementEntity>))]
[JsonSerializable(typeof(List<StatementEntity>))]
internal sealed partial class EntityJsonContext : JsonSerializerContext;

internal static class EntityJson
{
    public static string Write(IReadOnlyList<StatementEntity> entities) =>
        JsonSerializer.Serialize(entities, EntityJsonContext.Default.IReadOnlyListStatementEntity);

    public static IReadOnlyList<StatementEntity> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, EntityJsonContext.Default.ListStatementEntity) ?? [];
}
