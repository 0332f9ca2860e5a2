using System.Text;
using System.Text.Json;

namespace SearchApi.IntegrationTests.Support;

/// <summary>Generated statements in the corpus JSON Lines format, each with a word of its own to find it by.</summary>
public static class Corpus
{
    public static string Id(int n) => $"gen-{n:00000}";

    public static string Token(int n) => $"marker{n:00000}";

    public static string Line(int n) => JsonSerializer.Serialize(new
    {
        id = Id(n),
        lang = n % 3 == 0 ? "ru" : "en",
        title = n % 3 == 0 ? $"Переговоры номер {n}" : $"Talks number {n}",
        date = new DateOnly(2000, 1, 1).AddDays(n % 9000).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        source = n % 2 == 0 ? "mid.ru" : "kremlin.ru",
        url = (string?)null,
        text = n % 3 == 0
            ? $"Сергей Лавров провёл переговоры в Бишкеке. Отметка {Token(n)}. Стороны обсудили работу ОДКБ."
            : $"Sergey Lavrov held talks in Bishkek. Mark {Token(n)}. The sides discussed the CSTO and trade.",
    });

    public static string Lines(int from, int count)
    {
        var text = new StringBuilder();
        for (var n = from; n < from + count; n++) text.Append(Line(n)).Append('\n');
        return text.ToString();
    }
}
