using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>One statement read from a file, or the reason a file or line could not be read.</summary>
/// <param name="Origin">The file it came from.</param>
/// <param name="Line">The line number in a JSON Lines file.</param>
public sealed record ParsedItem(string Origin, int? Line, Statement? Statement, string? Error);

/// <summary>Reads statements from raw text files (.txt), JSON statements (.json: one object or an array) and JSON Lines (.jsonl, .ndjson, .jsonl.gz).</summary>
public sealed class StatementFileReader(StatementParser parser)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
    public IEnumerable<ParsedItem> ReadFile(string file, IProgress<long>? bytesRead = null)
    {
        var name = Path.GetFileName(file);
        if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return Whole(ReadText(file, name), file, bytesRead);
        if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return Whole(ReadJson(file, name), file, bytesRead);
        return ReadJsonLines(OpenText(file, bytesRead), name);
    }

    private static IEnumerable<ParsedItem> Whole(IEnumerable<ParsedItem> items, string file, IProgress<long>? bytesRead)
    {
        foreach (var item in items) yield return item;
        bytesRead?.Report(new FileInfo(file).Length);
    }

    private IEnumerable<ParsedItem> ReadText(string file, string name)
    {
        string raw;
        try
        {
            raw = File.ReadAllText(file, StrictUtf8);
        }
        catch (DecoderFallbackException)
        {
            return [new ParsedItem(name, null, null, "the file is not valid UTF-8")];
        }
        var statements = parser.ParseText(raw);
        return statements.Count == 0
            ? [new ParsedItem(name, null, null, "the file holds no statement text")]
            : statements.Select(s => new ParsedItem(name, null, s, null)).ToList();
    }

    private static IEnumerable<ParsedItem> ReadJson(string file, string name)
    {
        StatementRecord[] records;
        try
        {
            var json = File.ReadAllText(file, StrictUtf8).TrimStart();
            records = json.StartsWith('[')
                ? JsonSerializer.Deserialize(json, StatementJson.Default.StatementRecordArray) ?? []
                : [JsonSerializer.Deserialize(json, StatementJson.Default.StatementRecord)!];
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException or NotSupportedException)
        {
            return [new ParsedItem(name, null, null, $"not a JSON statement: {e.Message}")];
        }
        return records.Select(r => ToItem(name, null, RecordParser.Parse(r))).ToList();
    }

    /// <summary>Reads JSON Lines lazily: one statement per non-empty line, invalid lines reported with their number.</summary>
    public static IEnumerable<ParsedItem> ReadJsonLines(TextReader reader, string origin)
    {
        using (reader)
        {
            var number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                yield return ParseJsonLine(line, origin, number);
            }
        }
    }

    public static ParsedItem ParseJsonLine(string line, string origin, int number)
    {
        StatementRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(line, StatementJson.Default.StatementRecord);
        }
        catch (JsonException e)
        {
            return new ParsedItem(origin, number, null, $"not a JSON object: {e.Message}");
        }
        return record is null
            ? new ParsedItem(origin, number, null, "not a JSON object")
            : ToItem(origin, number, RecordParser.Parse(record));
    }

    private static ParsedItem ToItem(string origin, int? line, RecordParseResult result) =>
        new(origin, line, result.Statement, result.Error);

    private static StreamReader OpenText(string file, IProgress<long>? bytesRead)
    {
        Stream stream = File.OpenRead(file);
        if (bytesRead is not null) stream = new ProgressStream(stream, bytesRead);
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>Reports the position of the stream it reads through.</summary>
    private sealed class ProgressStream(Stream inner, IProgress<long> progress) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            progress.Report(inner.Position);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
