using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Comparison.Corpus;

/// <summary>
/// The corpus every engine gets: all statements of ../shared/corpus (the NER folder excluded) as our parser reads them,
/// in one fixed pseudo-random order, so that a subset of N statements mixes the sources and languages like the whole.
/// </summary>
public sealed class CorpusSubsets
{
    private readonly List<Statement> _ordered;

    private CorpusSubsets(List<Statement> ordered) => _ordered = ordered;

    public int Count => _ordered.Count;

    public static CorpusSubsets Load(string corpus)
    {
        var reader = new StatementFileReader(new StatementParser(TimeProvider.System));
        var statements = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(folder).StartsWith("ner", StringComparison.Ordinal)) continue;
            foreach (var file in StatementFileReader.FilesIn(folder))
                foreach (var item in reader.ReadFileAsync(file).ToBlockingEnumerable())
                    if (item.Statement is { } statement) statements[statement.Id] = statement;
        }
        var ordered = statements.Values.OrderBy(s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.Id))), StringComparer.Ordinal).ToList();
        return new CorpusSubsets(ordered);
    }

    /// <summary>The first <paramref name="size"/> statements of the fixed order (all of them for null).</summary>
    public IReadOnlyList<Statement> Take(int? size) => size is { } n && n < _ordered.Count ? _ordered.GetRange(0, n) : _ordered;

    /// <summary>The statements as JSON Lines in the corpus format, for the CLI's ingest and the bulk endpoint.</summary>
    public static void WriteJsonLines(IReadOnlyList<Statement> statements, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var s in statements)
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                id = s.Id,
                lang = s.Lang,
                title = s.Title,
                date = s.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                source = s.Source,
                url = s.Url,
                text = s.Text,
            }));
    }
}
