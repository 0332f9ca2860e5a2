using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchApi.Evaluation.Relevance;

/// <summary>
/// One topic of the cross-language set (data/topics.jsonl): how it is said in English and in Russian, and the patterns
/// (every written form, explicitly) that make a statement of each language about it.
/// </summary>
public sealed record Topic(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("en")] string English,
    [property: JsonPropertyName("ru")] string Russian,
    [property: JsonPropertyName("enRelevant")] IReadOnlyList<string> EnglishPatterns,
    [property: JsonPropertyName("ruRelevant")] IReadOnlyList<string> RussianPatterns);

/// <summary>
/// The cross-language topic set, each topic asked six ways: in its own language (topics-en, topics-ru), across
/// languages (topics-en→ru: the English words over Russian statements; topics-ru→en: back), and over both languages
/// at once (topics-mixed-en, topics-mixed-ru: judged in each statement's language) to see how the blend of the two
/// lists serves a reader who wants both sides.
/// </summary>
public static class TopicSet
{
    public const string EnglishToRussian = "topics-en→ru";
    public const string RussianToEnglish = "topics-ru→en";
    public const string Mixed = "topics-mixed";

    public static IReadOnlyList<Topic> Load(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<Topic>(l)!).ToList();

    public static IEnumerable<JudgedQuery> Queries(IEnumerable<Topic> topics)
    {
        foreach (var t in topics)
        {
            var both = new Dictionary<string, IReadOnlyList<string>> { ["en"] = t.EnglishPatterns, ["ru"] = t.RussianPatterns };
            yield return new JudgedQuery($"{t.Id}-en", "topics-en", t.English, "en", t.EnglishPatterns);
            yield return new JudgedQuery($"{t.Id}-ru", "topics-ru", t.Russian, "ru", t.RussianPatterns);
            yield return new JudgedQuery($"{t.Id}-en-ru", EnglishToRussian, t.English, "ru", t.RussianPatterns);
            yield return new JudgedQuery($"{t.Id}-ru-en", RussianToEnglish, t.Russian, "en", t.EnglishPatterns);
            yield return new JudgedQuery($"{t.Id}-mixed-en", Mixed + "-en", t.English, null, []) { RelevantByLang = both };
            yield return new JudgedQuery($"{t.Id}-mixed-ru", Mixed + "-ru", t.Russian, null, []) { RelevantByLang = both };
        }
    }
}
