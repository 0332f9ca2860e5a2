using System.Globalization;
using System.Text;
using System.Text.Json;
using SearchApi.Core.Statements;

namespace SearchApi.Comparison.Corpus;

/// <summary>
/// A corpus of any size made of the real one: each new statement takes a real statement's language, source and kind, a
/// real title of that language and as many real paragraphs of that language as its model had (drawn from every
/// statement of the language), a new id and a date spread evenly over 2000–2026. The vocabulary, the names and the
/// lengths are the corpus's own; only their combination is new. The same seed gives the same file.
/// </summary>
public static class MillionCorpus
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2026, 11, 30);

    /// <summary>Writes <paramref name="count"/> statements as JSON Lines; returns the characters of text written.</summary>
    public static long Write(CorpusSubsets corpus, int count, string path, int seed = 1_000_000)
    {
        var models = corpus.Take(null);
        var byLanguage = models.GroupBy(s => s.Lang).ToDictionary(
            g => g.Key,
            g => (Titles: g.Select(s => s.Title).Where(t => t.Length > 0).ToArray(), Paragraphs: g.SelectMany(Paragraphs).ToArray()));
        var random = new Random(seed);
        var days = Last.DayNumber - First.DayNumber + 1;
        long characters = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var model = models[random.Next(models.Count)];
            var pool = byLanguage[model.Lang];
            text.Clear();
            // Long models (a General Debate speech has hundreds of paragraphs) are cut to 40, as a news item would be.
            var paragraphs = Math.Clamp(Paragraphs(model).Count(), 1, 40);
            for (var p = 0; p < paragraphs; p++)
            {
                if (p > 0) text.Append("\n\n");
                text.Append(pool.Paragraphs[random.Next(pool.Paragraphs.Length)]);
            }
            characters += text.Length;
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = "gen-" + i.ToString("D7", CultureInfo.InvariantCulture),
                lang = model.Lang,
                title = pool.Titles[random.Next(pool.Titles.Length)],
                date = First.AddDays(random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                source = model.Source,
                kind = model.Kind,
                text = text.ToString(),
            }));
        }
        return characters;
    }

    private static IEnumerable<string> Paragraphs(Statement statement) =>
        statement.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 20);
}
