using System.Collections.Frozen;
using System.Text;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Letters and digits written in a style (𝐛𝐨𝐥𝐝, 𝔣𝔯𝔞𝔨𝔱𝔲𝔯, 𝓈𝒸𝓇𝒾𝓅𝓉, ｆｕｌｌｗｉｄｔｈ, Ⓒⓘⓡⓒⓛⓔⓓ, ℌ) and their plain forms, as Unicode's
/// compatibility decomposition (NFKC) gives them. Telegram posts and pasted social-media text are full of them; a
/// search for "Lavrov" must find "𝐋𝐚𝐯𝐫𝐨𝐯". Only code points whose plain form is one letter or digit are folded.
/// </summary>
public static class StyledLetters
{
    /// <summary>Every styled code point is at or above this one, so most text is passed over by one comparison.</summary>
    public const char First = '\u2100';

    private static readonly (int From, int To)[] Blocks =
    [
        (0x2100, 0x214F),   // Letterlike Symbols: ℌ ℑ ℜ ℂ ℕ ℝ ℤ ℬ ℰ ℱ ℋ ℐ ℒ ℳ ℛ ℯ ℊ ℴ
        (0x2460, 0x24FF),   // Enclosed Alphanumerics: ① Ⓐ ⓐ
        (0xFF10, 0xFF5A),   // Fullwidth digits and letters
        (0x1D400, 0x1D7FF), // Mathematical Alphanumeric Symbols: bold, italic, script, fraktur, double-struck, …
        (0x1F130, 0x1F149), // Squared Latin capitals
    ];

    private static readonly FrozenDictionary<int, char> Plain = Build();

    private static FrozenDictionary<int, char> Build()
    {
        var map = new Dictionary<int, char>();
        foreach (var (from, to) in Blocks)
            for (var codePoint = from; codePoint <= to; codePoint++)
            {
                if (!Rune.IsValid(codePoint)) continue;
                var plain = new Rune(codePoint).ToString().Normalize(NormalizationForm.FormKC);
                if (plain.Length == 1 && char.IsLetterOrDigit(plain[0]) && plain[0] < First) map[codePoint] = plain[0];
            }
        return map.ToFrozenDictionary();
    }

    /// <summary>The plain letter or digit a styled one stands for; null for anything else.</summary>
    public static char? Fold(int codePoint) =>
        codePoint >= First && Plain.TryGetValue(codePoint, out var plain) ? plain : null;

    /// <summary>Whether any character of <paramref name="text"/> may need folding.</summary>
    public static bool MayContain(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= First) return true;
        return false;
    }

    /// <summary>The text with styled letters folded (a surrogate pair becomes one character, so lengths may shrink).</summary>
    public static string FoldAll(string text)
    {
        if (!MayContain(text)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (Fold(char.ConvertToUtf32(c, text[i + 1])) is { } folded) builder.Append(folded);
                else builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else builder.Append(Fold(c) ?? c);
        }
        return builder.ToString();
    }
}
