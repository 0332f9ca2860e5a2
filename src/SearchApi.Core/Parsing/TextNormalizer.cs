using System.Text;

namespace SearchApi.Core.Parsing;

/// <summary>Brings raw text to one form: NFC, \n line ends, no control characters, no byte-order mark.</summary>
public static class TextNormalizer
{
    public static string Normalize(string raw)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\n') builder.Append(c);
            else if (c is '\t' or '\u00A0' or '\u2007' or '\u202F') builder.Append(' ');
            else if (c == '\uFEFF' || char.IsControl(c)) continue;
            else builder.Append(c);
        }
        return builder.ToString();
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
