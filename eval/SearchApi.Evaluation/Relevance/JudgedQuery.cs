using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SearchApi.Evaluation.Relevance;

/// <summary>
/// A query with its relevance judgement, written by hand: a statement is relevant when it contains one of the
/// <see cref="Relevant"/> patterns (regular expressions that list the accepted forms explicitly). It is highly relevant
/// (grade 2) when a pattern is in its title or appears three times or more in its text, relevant (grade 1) otherwise.
/// </summary>
public sealed record JudgedQuery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("q")] string Query,
    [property: JsonPropertyName("lang")] string? Lang,
    [property: JsonPropertyName("relevant")] IReadOnlyList<string> Relevant,
    [property: JsonPropertyName("all")] IReadOnlyList<string>? All = null)
{
    private Regex[]? _any;
    private Regex[]? _all;
    private Dictionary<string, Regex[]>? _byLang;

    /// <summary>
    /// For a query over both languages (no <see cref="Lang"/>): the patterns that make a statement of each language
    /// relevant, used instead of <see cref="Relevant"/>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? RelevantByLang { get; init; }

    /// <summary>0, 1 or 2: see the type's summary. Every pattern of <see cref="All"/> must also be present somewhere.</summary>
    public int Grade(string lang, string title, string text)
    {
        if (Lang is not null && lang != Lang) return 0;
        _all ??= (All ?? []).Select(Compile).ToArray();
        foreach (var required in _all)
            if (!required.IsMatch(title) && !required.IsMatch(text)) return 0;
        Regex[] patterns;
        if (RelevantByLang is null) patterns = _any ??= Relevant.Select(Compile).ToArray();
        else
        {
            _byLang ??= RelevantByLang.ToDictionary(kv => kv.Key, kv => kv.Value.Select(Compile).ToArray());
            if (!_byLang.TryGetValue(lang, out var ofLang)) return 0;
            patterns = ofLang;
        }
        var inText = 0;
        var inTitle = false;
        foreach (var pattern in patterns)
        {
            inTitle |= pattern.IsMatch(title);
            inText += pattern.Matches(text).Count;
        }
        return inTitle || inText >= 3 ? 2 : inText > 0 ? 1 : 0;
    }

    private static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<JudgedQuery>(l)!).ToList();
}
