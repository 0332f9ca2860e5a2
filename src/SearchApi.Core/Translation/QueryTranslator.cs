using System.Collections.Concurrent;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Translation;

/// <summary>One position of a translation as the other language's index holds it: the stems any of its forms may have.</summary>
/// <param name="Offset">The position within the translation; a stop word the analysis drops leaves a gap.</param>
public readonly record struct TranslatedPosition(int Offset, IReadOnlyList<string> Stems);

/// <summary>
/// One way to say a query word or term in the other language, ready to search that language's stemmed fields.
/// </summary>
/// <param name="From">The language of the query word or term.</param>
/// <param name="To">The language of the translation.</param>
/// <param name="Source">The query word or term, as typed.</param>
/// <param name="Headword">The lexicon headword it was found under.</param>
/// <param name="Text">The translation in dictionary form.</param>
/// <param name="Sense">The gloss of the headword's sense, when it has several.</param>
/// <param name="Weight">1 for the usual translation of the first sense, less for later senses, rarer translations and translations read backwards.</param>
/// <param name="Positions">The translation's words as the index holds them: stems of the other language's chain, or exact forms (<paramref name="Exact"/>).</param>
/// <param name="Inverse">Read from the other direction's entry (the lexicon has no entry of its own for the word's sense).</param>
/// <param name="Exact">
/// The positions are forms of the exact fields, not stems: a word of the translation is on the chain's stop list
/// although it carries meaning (Lucene's Russian list holds «человек», «жизнь», «сегодня»).
/// </param>
public sealed record TranslatedForm(
    string From, string To, string Source, string Headword, string Text, string? Sense, float Weight,
    IReadOnlyList<TranslatedPosition> Positions, bool Inverse = false, bool Exact = false);

/// <summary>
/// Translates query words and multiword terms with the <see cref="Lexicon"/>: a word is looked up by the stem its own
/// language's chain gives it, and each translation is analysed by the other language's chain — every case form of a
/// Russian translation included — so that it finds the statements of that language in any grammatical form.
/// Function words are never translated. At most <see cref="MaxFormsPerWord"/> translations per word or term.
/// </summary>
public sealed class QueryTranslator(Lexicon lexicon)
{
    /// <summary>Most translations one query word or term expands to (the most usual first).</summary>
    public const int MaxFormsPerWord = 8;

    /// <summary>
    /// Lightest translation kept: rarer ones (a fourth sense, a backwards reading of a later sense) would hardly move a
    /// ranking but cost a disjunction over their postings.
    /// </summary>
    public const float MinWeight = 0.25f;

    // A later sense weighs less than the first, a later translation of one sense less than the usual one, and a
    // translation read backwards from the other direction (less sure to be what the word means here) less than both.
    private const float LaterSense = 0.8f;
    private const float LaterTranslation = 0.9f;
    private const float Backwards = 0.5f;

    private readonly ConcurrentDictionary<(string Lang, string Word), IReadOnlyList<TranslatedForm>> _cache = new();

    public Lexicon Lexicon => lexicon;

    /// <summary>The language a word is written in, by its letters: ru for Cyrillic, en for Latin, null for neither or both.</summary>
    public static string? LanguageOf(string word)
    {
        var (latin, cyrillic) = (false, false);
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z') latin = true;
            else if (c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё') cyrillic = true;
        }
        return latin == cyrillic ? null : latin ? Languages.English : Languages.Russian;
    }

    /// <summary>Whether a word carries no topic (an article, preposition, pronoun, question word…).</summary>
    public static bool IsFunctionWord(string word) => FunctionWords.Contains(RussianNames.Fold(word.ToLowerInvariant()));

    /// <summary>The translations of one query word; none for a function word, a number or a word the lexicon lacks.</summary>
    public IReadOnlyList<TranslatedForm> Word(string word)
    {
        var lower = word.ToLowerInvariant();
        if (LanguageOf(lower) is not { } lang || IsFunctionWord(lower)) return [];
        if (_cache.TryGetValue((lang, lower), out var cached)) return cached;
        if (lexicon.Key(lang, lower) is not { } key) return [];
        var entries = lexicon.Lookup(lang, key).Where(e => !e.Headword.Contains(' ')).ToList();
        if (entries.Count == 0) return [];
        // Words that share a stem ("international", "internal"; «выборы», «выбор») keep apart: the headword that is the
        // word itself wins, else the headwords the word is a form of, else every headword of the stem. Entries read
        // backwards from the other direction only add to those, unless there are no others.
        var folded = RussianNames.Fold(lower);
        bool Is(LexiconEntry e) => RussianNames.Fold(e.Headword.ToLowerInvariant()) == folded;
        bool OfWord(LexiconEntry e) => Is(e) || IsFormOf(lang, lower, e.Headword, e.Pos);
        List<LexiconEntry> Pick(List<LexiconEntry> list) =>
            list.Where(Is).ToList() is { Count: > 0 } exact ? exact : list.Where(OfWord).ToList() is { Count: > 0 } ofWord ? ofWord : list;
        var drafted = entries.Where(e => !e.Inverse).ToList();
        var backwards = entries.Where(e => e.Inverse).ToList();
        var chosen = drafted.Count > 0 ? [.. Pick(drafted), .. backwards.Where(OfWord)] : Pick(backwards);
        var forms = Forms(chosen, word);
        // Only words the lexicon has are kept, so the cache is bounded by its size.
        _cache[(lang, lower)] = forms;
        return forms;
    }

    /// <summary>
    /// The longest multiword term of the lexicon that the words from <paramref name="start"/> spell (in any form), with
    /// its translations; null when none does. Terms are looked for before their words are translated one by one.
    /// </summary>
    public (int Length, IReadOnlyList<TranslatedForm> Forms)? Term(IReadOnlyList<string> words, int start)
    {
        var longest = Math.Min(lexicon.MaxTermWords, words.Count - start);
        for (var length = longest; length >= 2; length--)
        {
            var span = words.Skip(start).Take(length).ToList();
            var lang = LanguageOf(string.Concat(span));
            if (lang is null) continue;
            // A term is found by its content words; the function words between them ("head of state") do not count.
            var stems = span.Select(w => lexicon.Key(lang, w)).OfType<string>().ToList();
            if (stems.Count < 2) continue;
            var entries = lexicon.Lookup(lang, string.Join(' ', stems)).Where(e => e.Headword.Contains(' ')).ToList();
            if (entries.Count > 0) return (length, Forms(entries, string.Join(' ', span)));
        }
        return null;
    }

    private List<TranslatedForm> Forms(IEnumerable<LexiconEntry> entries, string source)
    {
        var forms = new Dictionary<string, TranslatedForm>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var to = entry.Lang == Languages.English ? Languages.Russian : Languages.English;
            var senseWeight = MathF.Pow(LaterSense, entry.Rank) * (entry.Inverse ? Backwards : 1f);
            for (var i = 0; i < entry.Translations.Count; i++)
            {
                var text = entry.Translations[i];
                var weight = senseWeight * MathF.Pow(LaterTranslation, i);
                if (forms.TryGetValue(text, out var known) && known.Weight >= weight) continue;
                var (positions, exact) = Positions(to, text, entry.Pos);
                if (positions.Count == 0) continue;
                forms[text] = new TranslatedForm(entry.Lang, to, source, entry.Headword, text, entry.Sense, weight, positions, entry.Inverse, exact);
            }
        }
        return forms.Values.Where(f => f.Weight >= MinWeight).OrderByDescending(f => f.Weight).ThenBy(f => f.Text, StringComparer.Ordinal).Take(MaxFormsPerWord).ToList();
    }

    /// <summary>
    /// Each word of a translation as the stems of all its forms (a Russian noun or adjective by every case form), at
    /// the positions the index gives them: a word the chain splits ("пресс-конференция") takes one per part, and a
    /// stop word leaves a gap. When the chain drops a word that is no function word, the translation is looked for
    /// by its exact forms instead (<see cref="TranslatedForm.Exact"/>).
    /// </summary>
    private (List<TranslatedPosition> Positions, bool Exact) Positions(string lang, string text, string pos)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var inflects = words.Length > 1 || pos is "noun" or "adj" or "num" or "phrase";
        var formsOf = words.Select(raw =>
        {
            var word = raw.ToLowerInvariant();
            return lang == Languages.Russian && inflects ? RussianParadigm.Forms(RussianNames.Fold(word)) : (IReadOnlyCollection<string>)[word];
        }).ToList();
        var stemmed = Place(formsOf, lexicon.Stems, lang);
        var lost = words.Where((w, i) => !IsFunctionWord(w) && formsOf[i].All(f => lexicon.Stems(lang, f).Count == 0)).Any();
        return lost ? (Place(formsOf, lexicon.ExactTerms, lang), true) : (stemmed, false);
    }

    private static List<TranslatedPosition> Place(List<IReadOnlyCollection<string>> formsOf, Func<string, string, IReadOnlyList<string>> analyse, string lang)
    {
        var positions = new List<TranslatedPosition>(formsOf.Count);
        var offset = 0;
        foreach (var forms in formsOf)
        {
            var parts = forms.Select(f => analyse(lang, f)).Where(s => s.Count > 0).ToList();
            var length = parts.Count == 0 ? 1 : parts.Max(p => p.Count);
            for (var part = 0; part < length && parts.Count > 0; part++)
                positions.Add(new TranslatedPosition(offset + part, parts.Where(p => p.Count > part).Select(p => p[part]).Distinct(StringComparer.Ordinal).ToList()));
            offset += length;
        }
        return positions;
    }

    /// <summary>Whether <paramref name="word"/> is one of the written forms of <paramref name="headword"/> (roughly: regular endings).</summary>
    private static bool IsFormOf(string lang, string word, string headword, string pos)
    {
        var head = headword.ToLowerInvariant();
        if (word == head) return true;
        if (lang == Languages.Russian)
            return pos is "noun" or "adj" or "num"
                ? RussianParadigm.Forms(RussianNames.Fold(head)).Contains(RussianNames.Fold(word))
                : word.Length >= 3 && head.Length >= 3 && word[..3] == head[..3] && CommonPrefix(word, head) >= head.Length - 3;
        var bare = head.EndsWith('e') ? head[..^1] : head;
        var stemY = head.EndsWith('y') ? head[..^1] + "i" : head;
        string[] endings = ["s", "es", "ed", "d", "ing", "er", "ers", "'s", "’s"];
        return endings.Any(e => word == head + e || word == bare + e || word == stemY + e)
            || (head.Length > 2 && word.StartsWith(head + head[^1], StringComparison.Ordinal) && word.Length <= head.Length + 4);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
