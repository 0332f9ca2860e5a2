using System.Text;

namespace SearchApi.Core.Parsing;

/// <summary>
/// The text rule, one for every way in (JSON and text bodies, bulk lines, files): line ends become \n; tabs and
/// no-break spaces become spaces; control characters, the byte-order mark and Unicode noncharacters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF and the last two code points of every plane: PDF and OCR leftovers) are removed; a lone surrogate
/// becomes U+FFFD; the result is in NFC. Total: any string in, well-formed Unicode out, never an exception.
/// (Bytes that are not UTF-8 never get this far: <see cref="Utf8Text"/> refuses them.)
/// </summary>
public static class TextNormalizer
{
    public const char Replacement = '\uFFFD';

    public static string Normalize(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < raw.Length && raw[i + 1] == '\n') i++;
            }
            else if (c == '\n') builder.Append(c);
            else if (c is '\t' or '\u00A0' or '\u2007' or '\u202F') builder.Append(' ');
            else if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                if (!IsNoncharacter(char.ConvertToUtf32(c, raw[i + 1]))) builder.Append(c).Append(raw[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c)) builder.Append(Replacement);
            else if (c == '\uFEFF' || char.IsControl(c) || IsNoncharacter(c)) continue;
            else builder.Append(c);
        }
        return ToNfc(builder.ToString());
    }

    /// <summary>Text for one line (a query, a title, a source name): <see cref="Normalize"/> with line breaks as spaces.</summary>
    public static string NormalizeLine(string raw) => Normalize(raw).Replace('\n', ' ');

    /// <summary>Whether a code point is one of Unicode's 66 noncharacters.</summary>
    public static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    // Well-formed input cannot make normalisation throw; the fallback keeps the rule total even if a future Unicode
    // version disagrees.
    private static string ToNfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>The non-empty lines of normalized text, trimmed, with runs of spaces collapsed.</summary>
    public static List<string> Lines(string normalized)
    {
        var lines = new List<string>();
        foreach (var line in normalized.Split('\n'))
        {
            var collapsed = CollapseSpaces(line);
            if (collapsed.Length > 0) lines.Add(collapsed);
        }
        return lines;
    }

    private static string CollapseSpaces(string line)
    {
        var builder = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line.Trim())
        {
            if (c == ' ')
            {
                if (!space) builder.Append(c);
                space = true;
            }
            else
            {
                builder.Append(c);
                space = false;
            }
        }
        return builder.ToString();
    }
}
