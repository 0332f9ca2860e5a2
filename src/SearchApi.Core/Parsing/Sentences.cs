namespace SearchApi.Core.Parsing;

/// <summary>Splits text into sentences: at a full stop, question or exclamation mark followed by a capital, and at paragraph breaks.</summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "gen", "col", "prof", "sen", "rep", "gov",
        "г", "гг", "т", "н", "др", "им", "ул", "тыс", "млн", "млрд", "руб", "см", "стр",
    };

    /// <summary>Start and end (exclusive) of each sentence, trailing spaces excluded.</summary>
    public static IEnumerable<(int Start, int End)> Spans(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            if (start >= text.Length) yield break;
            var end = EndOfSentence(text, start);
            yield return (start, end);
            start = end;
        }
    }

    /// <summary>The end (exclusive) of the sentence that starts at <paramref name="start"/>.</summary>
    public static int EndOfSentence(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '\n') return i;
            if (text[i] is not ('.' or '!' or '?' or '…')) continue;
            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '»' or '”' or '’' or '\'' or ')') end++;
            if (end >= text.Length || text[end] == '\n') return end;
            if (text[end] != ' ') continue;
            var next = end + 1;
            while (next < text.Length && text[next] is '"' or '«' or '“' or '(' or ' ') next++;
            if (next >= text.Length) return end;
            if (!(char.IsUpper(text[next]) || char.IsDigit(text[next]))) continue;
            if (text[i] == '.' && IsAbbreviationOrInitial(text, i)) continue;
            return end;
        }
        return text.Length;
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
