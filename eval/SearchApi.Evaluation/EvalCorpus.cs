using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation;

/// <summary>
/// The fixed evaluation sample of ../shared/corpus: whole small corpora, a deterministic hash sample of the large ones,
/// and (pooled) the statements of the large ones that name the region the judged queries are about. The same ids on
/// every run.
/// </summary>
public static class EvalCorpus
{
    private sealed record Part(string File, int SampleOneIn, string? PoolPattern, int PoolCap);

    private static readonly Part[] Parts =
    [
        new("kremlin_ru_meetings/kremlin_ru_meetings.jsonl", 1, null, 0),
        new("mfa_russia_telegram_en/mfa_russia_telegram_en.jsonl", 1, null, 0),
        new("kremlin_en/kremlin_en.jsonl.gz", 4, @"Kyrgyz|Kazakbay|Japarov|Zhaparov|CSTO|Pashinyan|Tokayev|Mirziyoyev|Zakharova", 300),
        new("ru_1tv_news/ru_1tv_news.jsonl.gz", 20, @"Кирги|Кыргыз|Жапаров|Казакбаев|Ташиев|ОДКБ|ЕАЭС|Пашинян|Токаев|Мирзи|Захаров", 700),
        new("un_general_debate_en/un_general_debate_en_1991-2024.jsonl.gz", 25, @"Kyrgyz|Collective Security Treaty|CSTO", 100),
    ];

    public static IReadOnlyList<Statement> Load(string corpusFolder, string seedsFolder)
    {
        var statements = new List<Statement>();
        var reader = new StatementFileReader(new StatementParser(TimeProvider.System));
        foreach (var file in StatementFileReader.FilesIn(seedsFolder))
            statements.AddRange(reader.ReadFileAsync(file).ToBlockingEnumerable().Where(i => i.Statement is not null).Select(i => i.Statement!));
        foreach (var part in Parts)
        {
            var pool = part.PoolPattern is null ? null : new Regex(part.PoolPattern, RegexOptions.CultureInvariant);
            var pooled = 0;
            foreach (var line in Lines(Path.Combine(corpusFolder, part.File)))
            {
                var record = JsonSerializer.Deserialize(line, StatementJson.Default.StatementRecord)!;
                var sampled = Sample(record.Id!, part.SampleOneIn);
                if (!sampled && pool is not null && pooled < part.PoolCap && pool.IsMatch(record.Title + "\n" + record.Text))
                {
                    sampled = true;
                    pooled++;
                }
                if (sampled && RecordParser.Parse(record).Statement is { } statement) statements.Add(statement);
            }
        }
        return statements;
    }

    private static bool Sample(string id, int oneIn) =>
        oneIn == 1 || BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) % (ulong)oneIn == 0;

    public static IEnumerable<string> Lines(string path)
    {
        using Stream file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var text = new StreamReader(stream, Encoding.UTF8);
        while (text.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }
}
