using System.IO.Compression;
using System.Text;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Lexicon;

/// <param name="Checked">Entries whose words the dictionary has an article for.</param>
/// <param name="Agreeing">Those where the article names one of the lexicon's translations (or, backwards, the headword).</param>
public sealed record CrossCheck(string Direction, int Entries, int Checked, int Agreeing, IReadOnlyList<string> Disagreements)
{
    public double Agreement => Checked == 0 ? 0 : (double)Agreeing / Checked;
}

/// <summary>
/// Compares the lexicon with an English–Russian dictionary in dictd format (Debian's mueller7-dict, GPL: read here on
/// the machine, never copied into the repository): for each English headword, whether the dictionary's article on it
/// names one of our Russian translations; for each Russian headword, whether the article on one of our English
/// translations names it. Disagreement is a reason to review an entry, not proof of a mistake (the dictionary is
/// general, ours is of news and diplomacy).
/// </summary>
public sealed class DictdCrossCheck
{
    private const string Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private readonly Dictionary<string, (long Offset, int Length)> _index = new(StringComparer.Ordinal);
    private readonly string _text;
    private readonly byte[] _bytes;

    public DictdCrossCheck(string indexPath, string dictPath)
    {
        foreach (var line in File.ReadLines(indexPath))
        {
            var cols = line.Split('\t');
            if (cols.Length < 3) continue;
            _index.TryAdd(cols[0].ToLowerInvariant(), (Decode(cols[1]), (int)Decode(cols[2])));
        }
        using var gzip = new GZipStream(File.OpenRead(dictPath), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        _bytes = memory.ToArray();
        _text = "";
    }

    private static long Decode(string value) => value.Aggregate(0L, (n, c) => n * 64 + Base64.IndexOf(c));

    /// <summary>The article on a word, lower case with ё as е; null when the dictionary has none.</summary>
    public string? Article(string word) => _index.TryGetValue(word.ToLowerInvariant(), out var at)
        ? Encoding.UTF8.GetString(_bytes, (int)at.Offset, at.Length).ToLowerInvariant().Replace('ё', 'е')
        : _text.Length > 0 ? null : null;

    public IReadOnlyList<CrossCheck> Run(Core.Translation.Lexicon lexicon)
    {
        var results = new List<CrossCheck>();
        foreach (var lang in Languages.All)
        {
            var entries = lexicon.Entries.Where(e => !e.Inverse && e.Lang == lang && !e.Headword.Contains(' ')).ToList();
            var (checkedCount, agreeing) = (0, 0);
            var disagreements = new List<string>();
            foreach (var entry in entries)
            {
                bool? agrees = lang == Languages.English ? EnglishAgrees(entry) : RussianAgrees(entry);
                if (agrees is null) continue;
                checkedCount++;
                if (agrees.Value) agreeing++;
                else disagreements.Add($"{entry.Headword} → {string.Join(", ", entry.Translations)}");
            }
            results.Add(new CrossCheck(lang == Languages.English ? "en→ru" : "ru→en", entries.Count, checkedCount, agreeing, disagreements));
        }
        return results;
    }

    // The article on the English headword names one of the Russian translations (each word of a phrase).
    private bool? EnglishAgrees(Core.Translation.LexiconEntry entry) =>
        Article(entry.Headword) is { } article ? entry.Translations.Any(t => Names(article, t)) : null;

    // The article on one of the English translations names the Russian headword.
    private bool? RussianAgrees(Core.Translation.LexiconEntry entry)
    {
        var articles = entry.Translations.Select(Article).OfType<string>().ToList();
        return articles.Count == 0 ? null : articles.Any(a => Names(a, entry.Headword));
    }

    private static bool Names(string article, string phrase) =>
        phrase.ToLowerInvariant().Replace('ё', 'е').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .All(word => System.Text.RegularExpressions.Regex.IsMatch(article, @"(?<![\p{L}])" + System.Text.RegularExpressions.Regex.Escape(word) + @"(?![\p{L}])"));
}
