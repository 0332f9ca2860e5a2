using System.Text.Json;
using System.Text.Json.Serialization;
using SearchApi.Evaluation.Nerel;
using SearchApi.Evaluation.Relevance;

namespace SearchApi.Evaluation;

/// <summary>Minimum quality per group, per entity type and per language's lexicon coverage (data/floors.json); a run below any floor fails.</summary>
public sealed record Floors(
    [property: JsonPropertyName("relevance")] Dictionary<string, Floors.Relevance> RelevanceFloors,
    [property: JsonPropertyName("nerel")] Dictionary<string, Floors.Linking> NerelFloors,
    [property: JsonPropertyName("lexiconCoverage")] Dictionary<string, double>? CoverageFloors = null)
{
    public sealed record Relevance([property: JsonPropertyName("ndcg")] double Ndcg, [property: JsonPropertyName("recall")] double Recall)
    {
        [JsonPropertyName("precision")]
        public double Precision { get; init; }
    }

    public sealed record Linking([property: JsonPropertyName("precision")] double Precision, [property: JsonPropertyName("recall")] double Recall);

    public static Floors Load(string path) => JsonSerializer.Deserialize<Floors>(File.ReadAllText(path))!;

    public IEnumerable<string> Failures(IReadOnlyList<GroupScore>? groups, IReadOnlyList<TypeScore>? types, IReadOnlyList<Lexicon.CorpusCoverage>? coverage = null)
    {
        foreach (var byLang in (coverage ?? []).GroupBy(c => c.Lang))
        {
            var share = (double)byLang.Sum(c => c.Covered) / Math.Max(1, byLang.Sum(c => c.Occurrences));
            if (CoverageFloors?.TryGetValue(byLang.Key, out var floor) != true) yield return $"no lexicon coverage floor for {byLang.Key}";
            else if (share < floor) yield return $"lexicon coverage of {byLang.Key}: {share:P1} (floor {floor:P1})";
        }
        foreach (var group in groups ?? [])
        {
            if (!RelevanceFloors.TryGetValue(group.Group, out var floor)) yield return $"no floor for group {group.Group}";
            else if (group.Ndcg < floor.Ndcg || group.Recall < floor.Recall || group.Precision < floor.Precision)
                yield return $"{group.Group}: nDCG@10 {group.Ndcg:F3} (floor {floor.Ndcg:F3}), recall@10 {group.Recall:F3} (floor {floor.Recall:F3}), P@10 {group.Precision:F3} (floor {floor.Precision:F3})";
        }
        foreach (var type in types ?? [])
        {
            if (!NerelFloors.TryGetValue(type.Type, out var floor)) yield return $"no floor for entity type {type.Type}";
            else if (type.RelaxedPrecision < floor.Precision || type.RelaxedRecall < floor.Recall)
                yield return $"{type.Type}: precision {type.RelaxedPrecision:F3} (floor {floor.Precision:F3}), recall {type.RelaxedRecall:F3} (floor {floor.Recall:F3})";
        }
    }
}
