using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>Decides between English and Russian by counting Cyrillic and Latin letters.</summary>
public static class LanguageDetector
{
    public static string Detect(string text)
    {
        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') latin++;
        }
        return cyrillic > latin ? Languages.Russian : Languages.English;
    }
}
