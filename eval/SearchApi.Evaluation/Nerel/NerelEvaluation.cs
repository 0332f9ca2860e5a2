using System.Text.Json;
using System.Text.Json.Serialization;
using SearchApi.Core.Entities;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Nerel;

/// <summary>Precision and recall of one entity type, with exact spans (strict) and with overlapping spans (relaxed).</summary>
public sealed record TypeScore(string Type, int Gold, int Predicted, double StrictPrecision, double StrictRecall, double RelaxedPrecision, double RelaxedRecall);

/// <summary>
/// Scores the entity linker's mentions against NEREL's gold mentions (Russian Wikinews, nested annotation), per type:
/// PERSON → person, ORGANIZATION → organization, COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION and
/// NATIONALITY → place (the linker links "американский" to the United States).
/// </summary>
public static class NerelEvaluation
{
    private static readonly Dictionary<string, string> TypeMap = new()
    {
        ["PERSON"] = EntityTypes.Person,
        ["ORGANIZATION"] = EntityTypes.Organization,
        ["COUNTRY"] = EntityTypes.Place,
        ["CITY"] = EntityTypes.Place,
        ["STATE_OR_PROVINCE"] = EntityTypes.Place,
        ["DISTRICT"] = EntityTypes.Place,
        ["LOCATION"] = EntityTypes.Place,
        ["NATIONALITY"] = EntityTypes.Place,
    };

    private sealed record GoldEntity([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("start")] int Start, [property: JsonPropertyName("end")] int End);

    private sealed record NerelDocument([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("entities")] List<GoldEntity> Entities);

    public static IReadOnlyList<TypeScore> Run(string path, EntityLinker linker)
    {
        var gold = EntityTypes.All.ToDictionary(t => t, _ => new List<(int Doc, int Start, int End)>());
        var predicted = EntityTypes.All.ToDictionary(t => t, _ => new List<(int Doc, int Start, int End)>());
        var doc = 0;
        foreach (var line in EvalCorpus.Lines(path))
        {
            var document = JsonSerializer.Deserialize<NerelDocument>(line)!;
            foreach (var entity in document.Entities)
                if (TypeMap.TryGetValue(entity.Type, out var type)) gold[type].Add((doc, entity.Start, entity.End));
            foreach (var entity in linker.Link("", document.Text))
                foreach (var mention in entity.Mentions)
                    predicted[entity.Type].Add((doc, mention.Start, mention.Start + mention.Length));
            doc++;
        }
        return EntityTypes.All.Select(type => Score(type, gold[type], predicted[type])).ToList();
    }

    private static TypeScore Score(string type, List<(int Doc, int Start, int End)> gold, List<(int Doc, int Start, int End)> predicted)
    {
        var goldSet = gold.ToHashSet();
        var strictHits = predicted.Count(goldSet.Contains);
        bool Overlaps((int Doc, int Start, int End) a, (int Doc, int Start, int End) b) => a.Doc == b.Doc && a.Start < b.End && b.Start < a.End;
        var relaxedPredicted = predicted.Count(p => gold.Any(g => Overlaps(p, g)));
        var relaxedGold = gold.Count(g => predicted.Any(p => Overlaps(p, g)));
        var strictGold = gold.Distinct().Count(predicted.ToHashSet().Contains);
        return new TypeScore(type, gold.Count, predicted.Count,
            Ratio(strictHits, predicted.Count), Ratio(strictGold, gold.Distinct().Count()),
            Ratio(relaxedPredicted, predicted.Count), Ratio(relaxedGold, gold.Count));
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
