using System.Text.Json;
using System.Text.Json.Serialization;
using SearchApi.Evaluation.Nerel;
using SearchApi.Evaluation.Relevance;

namespace SearchApi.Evaluation;

/// <summary>Minimum quality per group and per entity type (data/floors.json); a run below any floor fails.</summary>
public sealed record Floors(
    [property: JsonPropertyName("relevance")] Dictionary<string, Floors.Relevance> RelevanceFloors,
    [property: JsonPropertyName("nerel")] Dictionary<string, Floors.Linking> NerelFloors)
{
    public sealed record Relevance([property: JsonPropertyName("ndcg")] double Ndcg, [property: JsonPropertyName("recall")] double Recall);

    public sealed record Linking([property: JsonPropertyName("precision")] double Precision, [property: JsonPropertyName("recall")] double Recall);

    public static Floors Load(string path) => JsonSerializer.Deserialize<Floors>(File.ReadAllText(path))!;

    public IEnumerable<string> Failures(IReadOnlyList<GroupScore>? groups, IReadOnlyList<TypeScore>? types)
    {
        foreach (var group in groups ?? [])
        {
            if (!RelevanceFloors.TryGetValue(group.Group, out var floor)) yield return $"no floor for group {group.Group}";
            else if (group.Ndcg < floor.Ndcg || group.Recall < floor.Recall)
                yield return $"{group.Group}: nDCG@10 {group.Ndcg:F3} (floor {floor.Ndcg:F3}), recall@10 {group.Recall:F3} (floor {floor.Recall:F3})";
        }
        foreach (var type in types ?? [])
        {
            if (!NerelFloors.TryGetValue(type.Type, out var floor)) yield return $"no floor for entity type {type.Type}";
            else if (type.RelaxedPrecision < floor.Precision || type.RelaxedRecall < floor.Recall)
                yield return $"{type.Type}: precision {type.RelaxedPrecision:F3} (floor {floor.Precision:F3}), recall {type.RelaxedRecall:F3} (floor {floor.Recall:F3})";
        }
    }
}
