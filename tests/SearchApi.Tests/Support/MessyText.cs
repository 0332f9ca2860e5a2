using CsCheck;

namespace SearchApi.Tests.Support;

/// <summary>
/// Generators of text as real sources publish it: names and words in both scripts, Telegram's styled letters and
/// emoji, PDF leftovers (noncharacters, broken surrogates, control characters), combining marks, datelines, the
/// query syntax's own characters, over-long words, and any UTF-16 code unit at all.
/// </summary>
public static class MessyText
{
    private static readonly string[] Fragments =
    [
        "Lavrov", "Japarov", "Blinken", "met", "the", "of", "CSTO", "UN", "R.A.Kazakbayev", "Ministry", "Foreign", "programme",
        "Лавров", "Казакбаевым", "ОДКБ", "ёлка", "встретился", "Жапаров", "Бишкек", "Кыргызстана", "в", "и", "санкции",
        "𝐛𝐨𝐥𝐝", "𝔣𝔯𝔞𝔨𝔱𝔲𝔯", "𝐋𝐚𝐯𝐫𝐨𝐯", "𝔘𝔫𝔦", "ℌ", "Ｌａｖｒｏｖ", "Ⓒ", "🇷🇺", "😀", "👍🏽",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uFFFE", "\uFFFF", "\uFDD0", "\U0001FFFE", "\u0000", "\u0007", "\u0301", "\u200B",
        "\uFEFF", "\u202E", "\u00A0", "\u2028", "\u0085",
        " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", ".", ",", "-", "—", "\"", "«", "»", "(", ")", ":", "*", "'", "’", "…",
        "?", "!", "OR", "title:", "text:", "-", "\"\"", "()", "**",
        "2022", "17", "24.kg", "17 января 2022", "April 24, 2022", "Wednesday, April 24", "23 октября", "May",
        "09:53, 17 января 2022, Bishkek - 24.kg news agency , Baktygul OSMONALIEVA", "Source: https://www.mid.ru/ru/",
        "Joint Statement", "Совместное заявление", "Question:", "Google+ Pinterest LinkedIn Tumblr +",
        new string('a', 300), new string('Ж', 260), "𝐀" + new string('b', 254),
    ];

    /// <summary>One fragment, or (one time in five) a single arbitrary UTF-16 code unit.</summary>
    public static readonly Gen<string> Fragment = Gen.Frequency(
        (4, Gen.OneOf(Fragments)),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>A text of up to <paramref name="maxFragments"/> fragments.</summary>
    public static Gen<string> Text(int maxFragments = 40) =>
        Fragment.Array[0, maxFragments].Select(parts => string.Concat(parts));

    /// <summary>Whether a string is well-formed UTF-16 (every surrogate paired) with no noncharacter.</summary>
    public static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, text[++i]))) return false;
            }
            else if (char.IsSurrogate(c) || IsNoncharacter(c)) return false;
        }
        return true;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
