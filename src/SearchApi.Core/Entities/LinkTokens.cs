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
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var word = text[start..i];
            tokens.Add(new LinkToken(start, i, Fold(word), CaseOf(word)));
            start = -1;
        }
        return tokens;
    }

    /// <summary>Lower case, ё as е, Latin diacritics removed (Erdoğan → erdogan).</summary>
    public static string Fold(string word)
    {
        var lower = RussianNames.Fold(word);
        var ascii = true;
        foreach (var c in lower)
            if (c > '\u007F' && !(c is >= '\u0400' and <= '\u04FF')) ascii = false;
        if (ascii) return lower;
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c == 'ı' ? 'i' : c);
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static LetterCase CaseOf(string word)
    {
        if (TokenShape.IsAllCapitals(word) && (word.Length > 1 || char.IsLetter(word[0]))) return LetterCase.AllCapitals;
        return char.IsUpper(word[0]) ? LetterCase.Capitalised : LetterCase.Any;
    }
}
