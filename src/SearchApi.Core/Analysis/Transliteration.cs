using System.Text;

namespace SearchApi.Core.Analysis;

/// <summary>
/// A spelling-independent key for names written in Cyrillic or Latin, so that "Жапаров", "Japarov", "Zhaparov" and
/// "Dzhaparov" meet, as do "Казакбаев", "Kazakbayev" and "Kazakbaiev". Cyrillic (Russian and Kyrgyz/Kazakh letters) is
/// first romanised; the Latin text is then reduced to a skeleton that erases the differences between BGN/PCGN,
/// GOST 7.79, the passport (ICAO) scheme and common English forms: zh/j/dzh, kh/h, ts/tz/cz, yu/iu/ju, -yev/-iev/-ev,
/// y/i/j glides, yo/e, doubled letters, soft signs and diacritics. (GOST system A's bare c for ц and
/// system B's x for х are not recognised: in English text c and x are k and ks.)
/// </summary>
public static class Transliteration
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Kyrgyz, Kazakh and Ukrainian letters.
        ['ң'] = "ng", ['ө'] = "o", ['ү'] = "u", ['ә'] = "a", ['ғ'] = "gh", ['қ'] = "k", ['ұ'] = "u", ['һ'] = "h",
        ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    };

    // GOST 7.79 system A letters that lose their meaning when diacritics are stripped.
    private static readonly Dictionary<char, string> LatinDiacritics = new()
    {
        ['č'] = "ch", ['š'] = "sh", ['ž'] = "zh", ['ŝ'] = "shch", ['ǧ'] = "gh", ['ç'] = "ch", ['ş'] = "sh", ['ğ'] = "g",
        ['ı'] = "i",
    };

    /// <summary>The skeleton key of one word (a name), or an empty string for a word without letters.</summary>
    public static string Key(string word)
    {
        var latin = Romanise(word.ToLowerInvariant());
        return Skeleton(latin);
    }

    /// <summary>
    /// Cyrillic to Latin letter by letter; Latin letters lose their diacritics, styled letters (𝐋) their style;
    /// anything that is not a letter is dropped. Total: any string, broken surrogates included.
    /// </summary>
    public static string Romanise(string lower)
    {
        var builder = new StringBuilder(lower.Length + 4);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c is >= 'a' and <= 'z') builder.Append(c);
            else if (Cyrillic.TryGetValue(c, out var latin)) builder.Append(latin);
            else if (LatinDiacritics.TryGetValue(c, out var special)) builder.Append(special);
            else if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1]))
            {
                if (StyledLetters.Fold(char.ConvertToUtf32(c, lower[++i])) is { } plain) AppendPlain(builder, plain);
            }
            else if (c > '\u007F' && char.IsLetter(c)) AppendPlain(builder, StyledLetters.Fold(c) ?? c);
        }
        return builder.ToString();
    }

    // A letter without its diacritics, in lower case: é gives e; letters without a Latin base give nothing.
    private static void AppendPlain(StringBuilder builder, char letter)
    {
        var lower = char.ToLowerInvariant(letter);
        if (lower is >= 'a' and <= 'z')
        {
            builder.Append(lower);
            return;
        }
        if (Cyrillic.TryGetValue(lower, out var latin))
        {
            builder.Append(latin);
            return;
        }
        foreach (var d in lower.ToString().Normalize(NormalizationForm.FormD))
            if (d is >= 'a' and <= 'z') builder.Append(d);
    }

    private static readonly (string From, string To)[] Clusters =
    [
        ("shch", "S"), ("shh", "S"), ("sch", "S"), ("tsch", "C"), ("tch", "C"), ("dzh", "J"), ("dj", "J"), ("zh", "J"), ("sh", "S"),
        ("ch", "C"), ("kh", "H"), ("gh", "G"), ("ts", "Z"), ("tz", "Z"), ("cz", "Z"), ("ph", "f"), ("ck", "k"), ("ng", "n"),
        ("x", "ks"), ("w", "v"), ("q", "k"),
    ];

    /// <summary>Reduces romanised text to the skeleton; see the type's summary.</summary>
    public static string Skeleton(string latin)
    {
        var s = latin;
        foreach (var (from, to) in Clusters) s = s.Replace(from, to, StringComparison.Ordinal);
        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == 'c') c = 'k';
            if (c == 'j')
            {
                // j before a vowel at the start of a word or after a consonant is the sound of ж (Japarov, Jomart);
                // elsewhere it is a glide (Sergej, Aliyev written Alijev).
                var next = i + 1 < s.Length ? s[i + 1] : '\0';
                var previous = i > 0 ? s[i - 1] : '\0';
                c = IsVowel(next) && (previous == '\0' || !IsVowel(previous)) && previous != 'i' ? 'J' : 'i';
            }
            if (c == 'y') c = 'i';
            builder.Append(c);
        }
        // Glides: an i before another vowel at the start of a word or after a vowel is a y-sound (Yuri, Kazakbayev, Yerlan).
        var glided = new StringBuilder(builder.Length);
        for (var i = 0; i < builder.Length; i++)
        {
            var c = builder[i];
            var previous = glided.Length > 0 ? glided[^1] : '\0';
            var next = i + 1 < builder.Length ? builder[i + 1] : '\0';
            if (c == 'i' && IsVowel(next) && next != 'i' && (previous == '\0' || IsVowel(previous))) continue;
            // "yo" after a consonant is ё, written e in most schemes: Khrushchyov, Pyotr, Fyodor.
            if (c == 'i' && next == 'o' && previous != '\0' && !IsVowel(previous))
            {
                glided.Append('e');
                i++;
                continue;
            }
            if (c == previous) continue;
            glided.Append(c);
        }
        return glided.ToString().ToLowerInvariant();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
