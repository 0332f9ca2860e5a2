using System.Text;
using System.Xml;

namespace SearchApi.Endpoints;

/// <summary>Text made fit for XML 1.0: characters it cannot hold (most control characters, lone surrogates) become spaces.</summary>
public static class XmlText
{
    public static string Clean(string text)
    {
        if (IsClean(text)) return text;
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(XmlConvert.IsXmlChar(c) ? c : ' ');
        }
        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
