using System.Text.Json;

namespace SearchApi.Core.Translation;

/// <summary>
/// The rules of the lexicon's files: each line is one JSON object of the agreed shape, headwords and translations are
/// in the right script, no line repeats another, and every irregular form names a headword. The test suite checks the
/// shipped files by them, and the drafting tool each draft.
/// </summary>
public static class LexiconFormat
{
    public static readonly string[] PartsOfSpeech = ["noun", "verb", "adj", "adv", "num", "phrase", "other"];

    public static IEnumerable<string> Problems(string file, IReadOnlyList<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var direction = Path.GetFileName(file);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line)) continue;
            string? problem;
            try
            {
                problem = Problem(direction, line);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                problem = "not a lexicon line: " + e.Message;
            }
            if (problem is not null) yield return $"{file}:{i + 1}: {problem}";
            if (!seen.Add(Normal(line))) yield return $"{file}:{i + 1}: repeats an earlier line";
        }
    }

    private static string Normal(string line)
    {
        using var json = JsonDocument.Parse(line);
        return string.Join('|', json.RootElement.EnumerateObject().OrderBy(p => p.Name).Select(p => p.Name + "=" + p.Value.ToString().ToLowerInvariant()));
    }

    private static string? Problem(string direction, string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        if (direction.StartsWith("forms", StringComparison.Ordinal)) return FormProblem(root);
        foreach (var property in root.EnumerateObject())
            if (property.Name is not ("en" or "ru" or "pos" or "sense"))
                return $"unknown field '{property.Name}'";
        var pos = root.GetProperty("pos").GetString();
        if (!PartsOfSpeech.Contains(pos)) return $"pos '{pos}' is not one of {string.Join(", ", PartsOfSpeech)}";
        var en = Words(root.GetProperty("en"));
        var ru = Words(root.GetProperty("ru"));
        if (en.Count == 0 || ru.Count == 0) return "en and ru must both be given";
        if (direction.StartsWith("en-ru", StringComparison.Ordinal) && root.GetProperty("en").ValueKind != JsonValueKind.String) return "en must be one headword";
        if (direction.StartsWith("ru-en", StringComparison.Ordinal) && root.GetProperty("ru").ValueKind != JsonValueKind.String) return "ru must be one headword";
        foreach (var word in en)
            if (word.Any(c => c is >= '\u0400' and <= '\u04FF') || !word.Any(char.IsAsciiLetter)) return $"'{word}' is not English";
        foreach (var word in ru)
            if (!word.Any(c => c is >= '\u0400' and <= '\u04FF') || word.Any(char.IsAsciiLetter)) return $"'{word}' is not Russian";
        foreach (var word in en.Concat(ru))
            if (word != word.Trim() || word.Contains("  ", StringComparison.Ordinal) || word.Any(c => c is '(' or ')' or ';' or '/' or ',')) return $"'{word}' is not one clean word or term";
        return null;
    }

    // A forms line: {"ru":"провёл","lemma":"провести"} or {"en":"went","lemma":"go"}, form and lemma one word each.
    private static string? FormProblem(JsonElement root)
    {
        var names = root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (names.Count != 2 || !names.Contains("lemma") || !names.Any(n => n is "en" or "ru")) return "a forms line is {\"en\" or \"ru\": form, \"lemma\": headword}";
        var russian = names.Contains("ru");
        var form = root.GetProperty(russian ? "ru" : "en").GetString() ?? "";
        var lemma = root.GetProperty("lemma").GetString() ?? "";
        foreach (var word in new[] { form, lemma })
        {
            if (word.Length == 0 || word.Contains(' ')) return $"'{word}' is not one word";
            if (russian != word.Any(c => c is >= '\u0400' and <= '\u04FF') || (russian && word.Any(char.IsAsciiLetter))) return $"'{word}' is not {(russian ? "Russian" : "English")}";
        }
        return null;
    }

    /// <summary>Forms lines whose lemma is no headword of the lexicon (so the form would translate to nothing).</summary>
    public static IEnumerable<string> UnknownLemmas(Lexicon lexicon, string file, IReadOnlyList<string> lines)
    {
        if (!Path.GetFileName(file).StartsWith("forms", StringComparison.Ordinal)) yield break;
        var headwords = lexicon.Entries.Select(e => (e.Lang, e.Headword.ToLowerInvariant().Replace('ё', 'е'))).ToHashSet();
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            using var json = JsonDocument.Parse(lines[i]);
            var lang = json.RootElement.TryGetProperty("en", out _) ? "en" : "ru";
            var lemma = json.RootElement.GetProperty("lemma").GetString() ?? "";
            if (!headwords.Contains((lang, lemma.ToLowerInvariant().Replace('ё', 'е')))) yield return $"{file}:{i + 1}: lemma '{lemma}' is no {lang} headword of the lexicon";
        }
    }

    private static List<string> Words(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString() ?? "").ToList()
        : [element.GetString() ?? ""];

}
