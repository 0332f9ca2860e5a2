using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>Why a line or file was refused, as a stable code (the same codes the HTTP API answers with).</summary>
public enum LineProblem
{
    /// <summary>line_too_long: longer than the line limit.</summary>
    TooLong,
    /// <summary>invalid_text: not UTF-8.</summary>
    InvalidText,
    /// <summary>invalid_json: not one JSON statement object.</summary>
    InvalidJson,
    /// <summary>invalid_statement: JSON, but not a valid statement (no text, a bad date, …).</summary>
    InvalidStatement,
}

/// <summary>One statement read from a file or a bulk upload, or the reason a file or line could not be read.</summary>
/// <param name="Origin">The file it came from.</param>
/// <param name="Line">The line number in a JSON Lines file.</param>
public sealed record ParsedItem(string Origin, int? Line, Statement? Statement, string? Error, LineProblem? Problem = null);

/// <summary>Reads statements from raw text files (.txt), JSON statements (.json: one object or an array) and JSON Lines (.jsonl, .ndjson, .jsonl.gz).</summary>
public sealed class StatementFileReader(StatementParser parser)
{
    /// <summary>Longest line of a JSON Lines file, as for bulk uploads.</summary>
    public const int MaxLineBytes = 64 * 1024 * 1024;

    public static bool IsSupported(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ||
        path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The supported files of a folder (recursively, in name order) or the file itself.</summary>
    public static IReadOnlyList<string> FilesIn(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No file or folder at '{path}'.");
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(IsSupported).ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <param name="bytesRead">Told how many bytes of the file (compressed, for .gz) have been read, as reading goes on.</param>
    public async IAsyncEnumerable<ParsedItem> ReadFileAsync(string file, IProgress<long>? bytesRead = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(file);
        if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var items = file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? ReadText(bytes, name) : ReadJson(bytes, name);
            foreach (var item in items) yield return item;
            bytesRead?.Report(bytes.Length);
            yield break;
        }
        await using var stream = Open(file, bytesRead);
        await foreach (var line in JsonLines.ReadAsync(stream, MaxLineBytes, cancellationToken))
            yield return StatementRecords.ParseLine(line, name, MaxLineBytes);
    }

    private IEnumerable<ParsedItem> ReadText(byte[] bytes, string name)
    {
        if (Utf8Text.TryDecode(bytes, out var badByte) is not { } raw)
            return [new ParsedItem(name, null, null, Utf8Text.Problem("the file", badByte), LineProblem.InvalidText)];
        var statements = parser.ParseText(raw);
        return statements.Count == 0
            ? [new ParsedItem(name, null, null, "the file holds no statement text", LineProblem.InvalidStatement)]
            : statements.Select(s => new ParsedItem(name, null, s, null)).ToList();
    }

    private static IEnumerable<ParsedItem> ReadJson(byte[] bytes, string name)
    {
        if (Utf8Text.TryDecode(bytes, out var badByte) is not { } json)
            return [new ParsedItem(name, null, null, Utf8Text.Problem("the file", badByte), LineProblem.InvalidText)];
        if (!json.TrimStart().StartsWith('['))
        {
            var read = StatementRecords.Read(bytes, "the file");
            return [read.Record is null ? new ParsedItem(name, null, null, read.Error, LineProblem.InvalidJson) : ToItem(name, null, RecordParser.Parse(read.Record))];
        }
        StatementRecord[] records;
        try
        {
            records = JsonSerializer.Deserialize(json, StatementJson.Default.StatementRecordArray) ?? [];
        }
        catch (JsonException e)
        {
            return [new ParsedItem(name, null, null, "not a JSON array of statements: " + JsonErrors.Describe(e), LineProblem.InvalidJson)];
        }
        return records.Select(r => ToItem(name, null, r is null ? RecordParseResult.Invalid("null is not a statement") : RecordParser.Parse(r))).ToList();
    }

    private static ParsedItem ToItem(string origin, int? line, RecordParseResult result) =>
        new(origin, line, result.Statement, result.Error, result.Statement is null ? LineProblem.InvalidStatement : null);

    private static Stream Open(string file, IProgress<long>? bytesRead)
    {
        Stream stream = File.OpenRead(file);
        if (bytesRead is not null) stream = new ProgressStream(stream, bytesRead);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return stream;
    }

    /// <summary>Reports the position of the stream it reads through.</summary>
    private sealed class ProgressStream(Stream inner, IProgress<long> progress) : IO.PassThroughStream(inner)
    {
        protected override int Read(int count)
        {
            progress.Report(Inner.Position);
            return count;
        }
    }
}
