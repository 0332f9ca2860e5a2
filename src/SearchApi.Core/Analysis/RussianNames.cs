using System.Text;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Reduces every case and number form of a Russian name to one key. Snowball stems surnames inconsistently
/// ("Лавров" → лавр but "Лавровым" → лавров; "Кыргызстан" → кыргызста but "Кыргызстане" → кыргызстан); this strips
/// only the endings names take: surnames in -ов/-ев/-ин/-ын keep that suffix, adjectival names (-ский, -цкий, Северная)
/// lose their ending, nouns in -ия keep the и, other names lose one case ending. Input is lower case with ё folded to е.
/// </summary>
public static class RussianNames
{
    private const int MinStem = 3;

    // After -ов/-ев/-ин/-ын: masculine, feminine and plural case endings of surnames (and -ом of place names: Киевом).
    private static readonly string[] SurnameEndings = ["ыми", "ым", "ых", "ой", "ою", "ом", "а", "у", "е", "ы", ""];
    private static readonly string[] SurnameSuffixes = ["ов", "ев", "ин", "ын"];
    private static readonly string[] AdjectiveEndings = ["ими", "ого", "ому", "ий", "ой", "им", "ом", "ая", "ую", "ое", "ие", "их", "ей", "ых", "ым", "ый"];
    private static readonly string[] IyaEndings = ["иями", "иях", "иям", "ией", "иею", "ием", "ия", "ии", "ию", "ий"];
    private static readonly string[] HardAdjectiveEndings = ["ыми", "ого", "ому", "ый", "ой", "ая", "ое", "ые", "ым", "ую", "ых"];
    private static readonly string[] NounEndings = ["ами", "ями", "ом", "ем", "ой", "ей", "ою", "ах", "ях", "ам", "ям", "ы", "и", "а", "я", "у", "ю", "е", "о", "ь"];

    /// <summary>The name key of a lower-case, ё-folded Cyrillic word; the word itself when no rule applies.</summary>
    public static string Key(string word)
    {
        if (word.Length < MinStem + 1 || !IsCyrillic(word)) return word;

        foreach (var ending in SurnameEndings)
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = word[..^ending.Length];
            foreach (var suffix in SurnameSuffixes)
                if (stem.Length >= MinStem + suffix.Length && stem.EndsWith(suffix, StringComparison.Ordinal)) return stem;
        }
        if (word.Contains("ск", StringComparison.Ordinal) || word.Contains("цк", StringComparison.Ordinal))
            foreach (var ending in AdjectiveEndings)
                if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= MinStem + 2
                    && word[..^ending.Length] is var stem && (stem.EndsWith("ск", StringComparison.Ordinal) || stem.EndsWith("цк", StringComparison.Ordinal)))
                    return stem;
        if (word.Length >= 6 && StripLongest(word, HardAdjectiveEndings, MinStem + 1) is { } adjective) return adjective;
        // Nouns in -ия keep their и, so that Нигерия and Нигер stay apart.
        if (StripLongest(word, IyaEndings, minStem: 2) is { } iya) return iya + "и";
        // Сергей, Сергея, Сергеем all give "серге"; Николай, Николаем give "никола".
        if (word.EndsWith("ей", StringComparison.Ordinal) || word.EndsWith("ай", StringComparison.Ordinal)) return word[..^1];
        if (word.EndsWith("еем", StringComparison.Ordinal) || word.EndsWith("аем", StringComparison.Ordinal)) return word[..^2];
        return StripLongest(word, NounEndings, MinStem) ?? word;
    }

    private static string? StripLongest(string word, string[] endings, int minStem)
    {
        foreach (var ending in endings)
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= minStem) return word[..^ending.Length];
        return null;
    }

    public static bool IsCyrillic(string word)
    {
        foreach (var c in word)
            if (c is >= '\u0400' and <= '\u04FF') return true;
        return false;
    }

    /// <summary>Lower case with ё folded to е, the form every Russian chain works on.</summary>
    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word) builder.Append(FoldChar(char.ToLowerInvariant(c)));
        return builder.ToString();
    }

    public static char FoldChar(char c) => c == 'ё' ? 'е' : c;
}
