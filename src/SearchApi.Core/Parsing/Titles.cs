namespace SearchApi.Core.Parsing;

/// <summary>Derives a title from a statement's first sentence when it has no headline.</summary>
public static class Titles
{
    public const int MaxLength = 120;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "gen", "col", "prof", "sen", "rep", "gov",
        "г", "гг", "т", "н", "др", "им", "ул", "тыс", "млн", "млрд", "руб", "см", "стр",
    };

    public static string FromText(string firstParagraph)
    {
        var sentence = FirstSentence(firstParagraph).TrimEnd();
        if (sentence.EndsWith('.') && !sentence.EndsWith("..", StringComparison.Ordinal)) sentence = sentence[..^1];
        return Shorten(sentence, MaxLength);
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters on a word boundary, ending with "…" when cut.</summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength - 1);
        var head = (cut > maxLength / 2 ? text[..cut] : text[..(maxLength - 1)]).TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '«', '"', '“');
        return head + "…";
    }

    /// <summary>The text up to the first full stop, question or exclamation mark that ends a sentence.</summary>
    public static string FirstSentence(string paragraph)
    {
        for (var i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is not ('.' or '!' or '?' or '…')) continue;
            var end = i + 1;
            while (end < paragraph.Length && paragraph[end] is '"' or '»' or '”' or '’' or '\'' or ')') end++;
            if (end >= paragraph.Length) return paragraph;
            if (paragraph[end] != ' ') continue;
            var next = end + 1;
            while (next < paragraph.Length && paragraph[next] is '"' or '«' or '“' or '(' or ' ') next++;
            if (next >= paragraph.Length || !(char.IsUpper(paragraph[next]) || char.IsDigit(paragraph[next]))) continue;
            if (paragraph[i] == '.' && IsAbbreviationOrInitial(paragraph, i)) continue;
            return paragraph[..end];
        }
        return paragraph;
    }

    // "V.A. Zelensky" and "Mr. Lavrov" do not end a sentence.
    private static bool IsAbbreviationOrInitial(string text, int period)
    {
        var start = period;
        while (start > 0 && char.IsLetter(text[start - 1])) start--;
        var word = text[start..period];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
