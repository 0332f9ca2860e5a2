namespace SearchApi.Core.Entities;

/// <summary>
/// The case and number forms of a Russian name written in the nominative, generated from its ending, so that the
/// linker recognises "Казакбаевым", "Киргизии", "Соединённых Штатов" and "Северной Кореи" by exact lookup, and keeps
/// apart names a stemmer would merge ("Нигер", "Нигерия"). Over-generation is harmless; forms are lower case, ё as е.
/// </summary>
public static class RussianParadigm
{
    private static readonly string[] HardAdjective = ["ый", "ой", "ого", "ому", "ым", "ом", "ая", "ую", "ое", "ые", "ых", "ыми"];
    private static readonly string[] SoftAdjective = ["ий", "его", "ему", "им", "ем", "ее", "яя", "юю", "ие", "их", "ими", "ого", "ому", "ом", "ая", "ую", "ое", "ой"];
    private static readonly string[] Consonant = ["", "а", "у", "ом", "е", "ы", "и", "ов", "ам", "ами", "ах"];
    private static readonly string[] SurnameOnly = ["ым", "ой", "ых", "ыми"];
    private static readonly string[] FeminineA = ["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ов", "ам", "ами", "ах"];
    private static readonly string[] SoftSign = ["ь", "я", "ю", "ем", "е", "и", "ью", "ей", "ей"];
    private static readonly string[] Short = ["й", "я", "ю", "ем", "е", "и", "ев", "ям", "ях"];
    private static readonly string[] Iya = ["я", "и", "ю", "ей", "ею", "й", "ям", "ях"];
    private static readonly string[] Ya = ["я", "и", "е", "ю", "ей", "ею"];
    private static readonly string[] Plural = ["", "ов", "ам", "ами", "ах", "ей"];

    public static IReadOnlyCollection<string> Forms(string folded)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { folded };
        if (folded.Length <= 2 || !Analysis.RussianNames.IsCyrillic(folded)) return forms;

        if (folded.Length >= 5 && EndsWith(folded, "ый", "ой", "ая", "ое", "ые")) Add(forms, folded[..^2], HardAdjective);
        else if (folded.Length >= 5 && EndsWith(folded, "ий", "ие", "яя", "ее") && IsAdjectiveStem(folded[..^2])) Add(forms, folded[..^2], SoftAdjective);
        else if (folded.EndsWith("ия", StringComparison.Ordinal)) Add(forms, folded[..^1], Iya);
        else if (EndsWith(folded, "ий", "ей", "ай", "уй", "ой", "яй")) Add(forms, folded[..^1], Short);
        else if (folded.EndsWith('я')) Add(forms, folded[..^1], Ya);
        else if (folded.EndsWith('а')) Add(forms, folded[..^1], FeminineA);
        else if (folded.EndsWith('ь')) Add(forms, folded[..^1], SoftSign);
        else if (folded.Length >= 5 && EndsWith(folded, "ы", "и")) Add(forms, folded[..^1], [folded[^1..], .. Plural[1..]]);
        else if (IsConsonant(folded[^1]))
        {
            Add(forms, folded, Consonant);
            // Surnames in -ов/-ев/-ин/-ын decline like adjectives in the instrumental and plural: Лавровым, Путиных.
            if (EndsWith(folded, "ов", "ев", "ин", "ын")) Add(forms, folded, SurnameOnly);
            // A fleeting vowel: Египет → Египта, Орёл → Орла.
            if (folded.Length >= 5 && EndsWith(folded, "ет", "ец", "ок", "ек", "ел"))
                Add(forms, folded[..^2] + folded[^1], Consonant);
        }
        return forms;
    }

    // Soft and velar adjectives: российский, великий, синий; not nouns like Дмитрий (handled with -ий as a noun).
    private static bool IsAdjectiveStem(string stem) =>
        stem.EndsWith("ск", StringComparison.Ordinal) || stem.EndsWith("цк", StringComparison.Ordinal) ||
        (stem.Length > 0 && stem[^1] is 'к' or 'г' or 'х' or 'ж' or 'ш' or 'ч' or 'щ' or 'н');

    private static bool IsConsonant(char c) => c is >= 'а' and <= 'я' && "аеиоуыэюяйь".IndexOf(c) < 0;

    private static bool EndsWith(string word, params string[] endings)
    {
        foreach (var ending in endings)
            if (word.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    private static void Add(HashSet<string> forms, string stem, string[] endings)
    {
        foreach (var ending in endings) forms.Add(stem + ending);
    }
}
