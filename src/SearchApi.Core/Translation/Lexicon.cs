using System.Text.Json;
using Lucene.Net.Analysis;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Translation;

/// <summary>One sense of a word or term with its translations: what a query word in <see cref="Lang"/> expands to in the other language.</summary>
/// <param name="Headword">The word or term in dictionary form.</param>
/// <param name="Translations">Dictionary forms in the other language, the usual one first.</param>
/// <param name="Rank">The sense's place among the headword's senses (0 for the most frequent in foreign-policy news).</param>
public sealed record LexiconEntry(string Lang, string Headword, string Pos, IReadOnlyList<string> Translations, string? Sense, int Rank)
{
    /// <summary>Read from the other direction's entry that gives <see cref="Headword"/> as a translation.</summary>
    public bool Inverse { get; init; }
}

/// <summary>
/// The bilingual English–Russian lexicon of foreign-policy and news vocabulary (Translation/Lexicon/*.jsonl, embedded):
/// en-ru.jsonl (English headwords), ru-en.jsonl (Russian headwords), terms.jsonl (multiword terms, both ways) and
/// forms.jsonl (irregular forms a stemmer cannot bring to their headword: "went" → "go", «провёл» → «провести»).
/// A headword is found by the stems its language's analysis chain gives it — and, for Russian nouns and adjectives, every
/// case form's stem — so any grammatical form of a query word finds it. Each direction also serves the other: a
/// translation of a headword is a headword of the other language's side too (after that side's own senses), so
/// «санкция» → "sanction" also makes "sanction" → «санкция» when the English side lacks it.
/// </summary>
public sealed class Lexicon
{
    private static readonly Lazy<Lexicon> EmbeddedLexicon = new(LoadEmbedded);

    private readonly Dictionary<(string Lang, string Key), List<LexiconEntry>> _byKey = [];
    private readonly Analyzer _analyzer = StatementAnalyzer.Create();

    /// <summary>The lexicon shipped in the assembly.</summary>
    public static Lexicon Embedded => EmbeddedLexicon.Value;

    public IReadOnlyList<LexiconEntry> Entries { get; private set; } = [];

    /// <summary>The longest multiword term, in words: how far a query is looked ahead.</summary>
    public int MaxTermWords { get; private set; } = 1;

    /// <summary>Reads lexicon lines; <paramref name="file"/> names the direction (en-ru, ru-en, terms).</summary>
    public static Lexicon FromJsonLines(IEnumerable<(string File, string Line)> lines)
    {
        var lexicon = new Lexicon();
        var entries = new List<LexiconEntry>();
        var ranks = new Dictionary<(string, string), int>();
        void Rank(LexiconEntry entry)
        {
            var rank = ranks.GetValueOrDefault((entry.Lang, entry.Headword));
            ranks[(entry.Lang, entry.Headword)] = rank + 1;
            entries.Add(entry with { Rank = rank });
        }
        var forms = new List<(string Lang, string Form, string Lemma)>();
        foreach (var (file, line) in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (file.StartsWith("forms", StringComparison.Ordinal)) forms.Add(ParseForm(line));
            else foreach (var entry in Parse(file, line)) Rank(entry);
        }
        // The inverse senses come after every sense drafted for a headword, and only add translations it lacks.
        var direct = entries.ToList();
        var known = direct.SelectMany(e => e.Translations.Select(t => (e.Lang, e.Headword, Translation: t))).ToHashSet();
        foreach (var entry in direct)
        {
            var other = entry.Lang == Languages.English ? Languages.Russian : Languages.English;
            foreach (var translation in entry.Translations)
                if (!known.Contains((other, translation, entry.Headword)))
                    Rank(new LexiconEntry(other, translation, entry.Pos, [entry.Headword], entry.Sense, 0) { Inverse = true });
        }
        foreach (var entry in entries) lexicon.Add(entry);
        lexicon.AddForms(forms, entries);
        lexicon.Entries = entries;
        return lexicon;
    }

    private static (string Lang, string Form, string Lemma) ParseForm(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var lemma = root.GetProperty("lemma").GetString() ?? "";
        return root.TryGetProperty("en", out var en)
            ? (Languages.English, en.GetString() ?? "", lemma)
            : (Languages.Russian, root.GetProperty("ru").GetString() ?? "", lemma);
    }

    /// <summary>Makes each irregular form find its lemma's senses, by the stem the form has.</summary>
    private void AddForms(List<(string Lang, string Form, string Lemma)> forms, List<LexiconEntry> entries)
    {
        var byHeadword = entries.ToLookup(e => (e.Lang, RussianNames.Fold(e.Headword.ToLowerInvariant())));
        foreach (var (lang, form, lemma) in forms)
        {
            var senses = byHeadword[(lang, RussianNames.Fold(lemma.ToLowerInvariant()))].ToList();
            if (senses.Count == 0 || Stem(lang, form) is not { } key) continue;
            if (!_byKey.TryGetValue((lang, key), out var list)) _byKey[(lang, key)] = list = [];
            foreach (var entry in senses)
                if (!list.Contains(entry)) list.Add(entry);
        }
    }

    private static IEnumerable<LexiconEntry> Parse(string file, string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var pos = root.TryGetProperty("pos", out var p) ? p.GetString() ?? "" : "";
        var sense = root.TryGetProperty("sense", out var s) ? s.GetString() : null;
        var en = Strings(root.GetProperty("en"));
        var ru = Strings(root.GetProperty("ru"));
        if (file.StartsWith("en-ru", StringComparison.Ordinal) || file.StartsWith("terms", StringComparison.Ordinal))
            foreach (var headword in en) yield return new LexiconEntry(Languages.English, headword, pos, ru, sense, 0);
        if (file.StartsWith("ru-en", StringComparison.Ordinal) || file.StartsWith("terms", StringComparison.Ordinal))
            foreach (var headword in ru) yield return new LexiconEntry(Languages.Russian, headword, pos, en, sense, 0);
    }

    private static List<string> Strings(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? element.EnumerateArray().Select(e => e.GetString() ?? "").Where(v => v.Length > 0).ToList()
        : element.GetString() is { Length: > 0 } one ? [one] : [];

    private static Lexicon LoadEmbedded() => FromJsonLines(EmbeddedFiles().SelectMany(f => f.Lines.Select(line => (f.File, line))));

    /// <summary>The lexicon's files as shipped in the assembly (en-ru.jsonl, forms.jsonl, ru-en.jsonl, terms.jsonl), line by line.</summary>
    public static IReadOnlyList<(string File, IReadOnlyList<string> Lines)> EmbeddedFiles()
    {
        const string folder = ".Translation.Lexicon.";
        var assembly = typeof(Lexicon).Assembly;
        var files = new List<(string, IReadOnlyList<string>)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.Contains(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line) lines.Add(line);
            files.Add((resource[(resource.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], lines));
        }
        return files;
    }

    private void Add(LexiconEntry entry)
    {
        foreach (var key in Keys(entry.Lang, entry.Headword, entry.Pos))
        {
            if (!_byKey.TryGetValue((entry.Lang, key), out var list)) _byKey[(entry.Lang, key)] = list = [];
            if (!list.Contains(entry)) list.Add(entry);
        }
        MaxTermWords = Math.Max(MaxTermWords, entry.Headword.Count(c => c == ' ') + 1);
    }

    /// <summary>
    /// The keys a headword is found by: its stems in its language's chain, and for a Russian noun or adjective (or each
    /// word of a term) the stems of every case form too, since the stemmer does not always give them one stem.
    /// </summary>
    public IEnumerable<string> Keys(string lang, string headword, string pos)
    {
        var words = headword.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A stop word inside a term ("head of state") has no stem: the term is found by the stems of its other words.
        var perWord = words.Select(w => WordKeys(lang, w, pos)).Where(k => k.Count > 0).ToList();
        if (perWord.Count == 0) return [];
        // Every combination of the words' stems; terms are short, and most words have one or two stems.
        IEnumerable<string> keys = [""];
        foreach (var options in perWord)
            keys = keys.SelectMany(prefix => options.Select(o => prefix.Length == 0 ? o : prefix + " " + o)).Take(64).ToList();
        return keys;
    }

    private HashSet<string> WordKeys(string lang, string word, string pos)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        // A function word inside a term ("head of state", «контроль над вооружениями») is no part of its key.
        if (FunctionWords.Contains(RussianNames.Fold(word.ToLowerInvariant()))) return keys;
        var forms = new HashSet<string>(StringComparer.Ordinal) { word.ToLowerInvariant() };
        if (lang == Languages.Russian && pos is "noun" or "adj" or "phrase" or "num")
            forms.UnionWith(RussianParadigm.Forms(RussianNames.Fold(word)));
        foreach (var form in forms)
            if (Key(lang, form) is { } key) keys.Add(key);
        return keys;
    }

    /// <summary>
    /// The key one word is looked up by: its stem, or — for a word the chain's stop list drops although it carries
    /// meaning («жизнь», «человек», «сказать» are on Lucene's Russian list) — "=" and the word itself; null for a
    /// function word or no word at all.
    /// </summary>
    public string? Key(string lang, string word)
    {
        var lower = RussianNames.Fold(word.ToLowerInvariant());
        if (FunctionWords.Contains(lower)) return null;
        if (Stem(lang, lower) is { } stem) return stem;
        return ExactTerms(lang, lower) is { Count: > 0 } exact ? "=" + string.Join(' ', exact) : null;
    }

    /// <summary>
    /// The stem a word is indexed under in its language's chain — the stems of its parts, space-separated, for a word
    /// the chain splits ("пресс-конференция") — or null for a stop word or no word at all.
    /// </summary>
    public string? Stem(string lang, string word) => Stems(lang, word) is { Count: > 0 } stems ? string.Join(' ', stems) : null;

    /// <summary>The terms a word is indexed under in the exact fields (lower case, ё as е, unstemmed, stop words kept).</summary>
    public IReadOnlyList<string> ExactTerms(string lang, string word) =>
        StatementAnalyzer.Tokens(_analyzer, IndexFields.Exact, word).Select(t => t.Term).ToList();

    /// <summary>The stems a word is indexed under in its language's chain, one per part (most words have one).</summary>
    public IReadOnlyList<string> Stems(string lang, string word) =>
        StatementAnalyzer.Tokens(_analyzer, IndexFields.Text(lang), word.ToLowerInvariant()).Select(t => t.Term).ToList();

    /// <summary>The senses of a word or term (given as the stems of its words, space-separated) in <paramref name="lang"/>, in sense order.</summary>
    public IReadOnlyList<LexiconEntry> Lookup(string lang, string key) =>
        _byKey.TryGetValue((lang, key), out var entries) ? entries : [];
}
