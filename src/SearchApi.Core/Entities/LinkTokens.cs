using System.Globalization;
using System.Text;
using SearchApi.Core.Analysis;

namespace SearchApi.Core.Entities;

/// <summary>How a name's word must be written to count: as in "UN" (all capitals), "Lavrov" (capitalised) or "российский" (any case).</summary>
internal enum LetterCase
{
    Any,
    Capitalised,
    AllCapitals,
}

/// <summary>A word of text prepared for matching against the gazetteer.</summary>
internal readonly record struct LinkToken(int Start, int End, string Folded, LetterCase Case);

/// <summary>Splits text into words (runs of letters and digits), folded for matching: lower case, ё as е, no diacritics.</summary>
internal static class LinkTokens
{
    public static List<LinkToken> Tokenize(string text)
    {
        var tokens = new List<LinkToken>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var width = i < text.Length ? WordCharWidth(text, i) : 0;
            if (width > 0)
            {
                if (start < 0) start = i;
                i += width - 1;
                continue;
            }
            if (start < 0) continue;
            var word = text[start..i];
            tokens.Add(new LinkToken(start, i, Fold(word), CaseOf(word)));
            start = -1;
        }
        return tokens;
    }

    // How many characters the letter or digit at i takes (2 for one outside the Basic Multilingual Plane, such as 𝐋);
    // 0 when it is neither.
    private static int WordCharWidth(string text, int i)
    {
        var c = text[i];
        if (!char.IsSurrogate(c)) return char.IsLetterOrDigit(c) ? 1 : 0;
        return Rune.TryGetRuneAt(text, i, out var rune) && Rune.IsLetterOrDigit(rune) ? 2 : 0;
    }

    /// <summary>Lower case, ё as е, styled letters plain (𝐋 → l), Latin diacritics removed (Erdoğan → erdogan). Total.</summary>
    public static string Fold(string word)
    {
        var lower = RussianNames.Fold(StyledLetters.FoldAll(word));
        var ascii = true;
        foreach (var c in lower)
            if (c > '\u007F' && !(c is >= '\u0400' and <= '\u04FF')) ascii = false;
        if (ascii) return lower;
        // Decomposition refuses broken text (a lone surrogate, U+FFFE): bring it to the text rule first.
        var builder = new StringBuilder(lower.Length);
        foreach (var c in Parsing.TextNormalizer.Normalize(lower).Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c == 'ı' ? 'i' : c);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static LetterCase CaseOf(string word)
    {
        word = StyledLetters.FoldAll(word);
        if (word.Length == 0) return LetterCase.Any;
        if (TokenShape.IsAllCapitals(word) && (word.Length > 1 || char.IsLetter(word[0]))) return LetterCase.AllCapitals;
        return Rune.TryGetRuneAt(word, 0, out var first) && Rune.IsUpper(first) ? LetterCase.Capitalised : LetterCase.Any;
    }
}
