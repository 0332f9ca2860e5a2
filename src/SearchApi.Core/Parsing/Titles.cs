namespace SearchApi.Core.Parsing;

/// <summary>Derives a title from a statement's first sentence when it has no headline.</summary>
public static class Titles
{
    public const int MaxLength = 120;

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
        var end = cut > maxLength / 2 ? cut : maxLength - 1;
        // Never between the two halves of a surrogate pair (an emoji, a 𝐛𝐨𝐥𝐝 letter).
        if (char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1])) end--;
        var head = text[..end].TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '«', '"', '“');
        return head + "…";
    }

    /// <summary>The text up to the first full stop, question or exclamation mark that ends a sentence.</summary>
    public static string FirstSentence(string paragraph) => paragraph[..Sentences.EndOfSentence(paragraph, 0)];
}
