namespace SearchApi.Core.Parsing;

/// <summary>Recognises headline lines and tells a story's headline from a stray one (a "related story" link left in the page).</summary>
public static class Headlines
{
    private const int MinLength = 15;
    private const int MaxLength = 300;
    private const int MinWords = 4;
    private const int MinSharedWords = 2;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "after", "against", "also", "been", "before", "between", "from", "have", "into", "more", "other",
        "over", "said", "says", "such", "than", "that", "their", "there", "these", "they", "this", "those", "under",
        "were", "what", "when", "which", "while", "will", "with", "would", "your",
        "будет", "было", "были", "если", "когда", "который", "которые", "также", "после", "перед", "более", "этого",
        "этом", "этой", "свой", "своей", "чтобы", "может", "всех",
    };

    /// <summary>A line shaped like a headline: a capitalised phrase of a few words with no closing punctuation.</summary>
    public static bool IsHeadlineShaped(string line)
    {
        if (line.Length is < MinLength or > MaxLength) return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0]) || line[0] is '"' or '«' or '“')) return false;
        // A closing quote may end a headline, but not a quoted sentence ("… defamed.\"").
        var end = line.TrimEnd('"', '»', '”', '’', ')');
        if (end.Length == 0 || !char.IsLetterOrDigit(end[^1])) return false;
        return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords;
    }

    /// <summary>True when the paragraph after a headline takes up its subject: they share at least two significant words.</summary>
    public static bool LeadsInto(string headline, string nextParagraph)
    {
        var headlineWords = SignificantStems(headline);
        var shared = 0;
        foreach (var stem in SignificantStems(nextParagraph))
            if (headlineWords.Contains(stem) && ++shared >= MinSharedWords) return true;
        return false;
    }

    // Five-letter prefixes stand in for stems: "Russia"/"Russian", "agree"/"agreed", "Лавров"/"Лаврова".
    private static HashSet<string> SignificantStems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsLetter(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                if (word.Length >= 4 && !StopWords.Contains(word)) stems.Add(word.Length > 5 ? word[..5] : word);
                start = -1;
            }
        }
        return stems;
    }
}
