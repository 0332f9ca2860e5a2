using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

public enum ExportFormat
{
    Ndjson,
    Csv,
}

public sealed record ExportRequest(string Query, SearchFilters Filters, SearchSort Sort, ExportFormat Format, bool IncludeText, bool Strict = false);

/// <summary>What an export holds, so that it can be cited and checked: the search, the index snapshot, the count and the SHA-256 of every byte before the manifest.</summary>
public sealed record ExportManifest(
    string Query, SearchFilters Filters, SearchSort Sort, ExportFormat Format, bool IncludesText,
    long Snapshot, long IndexedSeq, long Count, string Sha256, DateTimeOffset GeneratedAt);

/// <summary>
/// Streams every statement a search matches, with no cap and in constant memory (a page of hits at a time, all from one
/// index snapshot), as JSON Lines or CSV, ending with a manifest line.
/// </summary>
public sealed class Exporter(IndexCatalog catalog, QueryBuilder queries, TimeProvider clock)
{
    public const int PageSize = 1_000;

    // Exports are read by people: keep Cyrillic and typographic quotes as they are (output is never embedded in HTML).
    private static readonly JsonWriterOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Columns = ["id", "title", "lang", "date", "date_precision", "source", "url", "kind", "score"];

    public async Task<ExportManifest> WriteAsync(ExportRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        var plan = queries.Build(request.Query, request.Strict);
        var filter = SearchService.FilterOf(request.Filters);
        var sort = SortOrder.For(request.Sort);
        var index = catalog.Current;
        using var snapshot = catalog.Read(index, () => index.OpenSnapshot()) ?? throw new SnapshotExpiredException();
        var searcher = snapshot.Searcher;
        catalog.Read(index, () => SearchService.CheckPrefixes(searcher.IndexReader, plan.Terms, queries.Limits));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = new HashingStream(output, hash);
        if (request.Format == ExportFormat.Csv)
            await Write(body, string.Join(',', request.IncludeText ? [.. Columns, "text"] : Columns) + "\r\n", cancellationToken);

        FieldDoc? after = null;
        long count = 0;
        while (true)
        {
            var (page, lines) = ReadPage(index, searcher, plan, filter, sort, after, request);
            await Write(body, lines, cancellationToken);
            await output.FlushAsync(cancellationToken);
            count += page.Length;
            if (page.Length < PageSize) break;
            after = (FieldDoc)page[^1];
        }

        var manifest = new ExportManifest(request.Query, request.Filters, request.Sort, request.Format, request.IncludeText,
            snapshot.Version, index.IndexedSeq, count, Convert.ToHexStringLower(hash.GetHashAndReset()), clock.GetUtcNow());
        var manifestJson = ManifestJson(manifest);
        await Write(output, request.Format == ExportFormat.Csv ? "#manifest," + Quote(manifestJson) + "\r\n" : manifestJson + "\n", cancellationToken);
        await output.FlushAsync(cancellationToken);
        return manifest;
    }

    // One page of hits as output lines, read under the catalog's guard (writing to the client stays outside it, so a
    // client that hangs up is not mistaken for damage).
    private (ScoreDoc[] Page, string Lines) ReadPage(StatementIndex index, IndexSearcher searcher, QueryPlan plan, Filter? filter, Sort sort, FieldDoc? after, ExportRequest request) =>
        catalog.Read(index, () =>
        {
            var collector = TopFieldCollector.Create(sort, PageSize, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            searcher.Search(plan.Query, filter, collector);
            var page = collector.GetTopDocs().ScoreDocs;
            var lines = new StringBuilder();
            foreach (var hit in page)
            {
                var statement = StatementDocuments.Read(searcher, hit.Doc, withText: request.IncludeText);
                var score = plan.MatchesAll ? 0 : hit.Score;
                lines.Append(request.Format == ExportFormat.Csv ? CsvRow(statement, score, request.IncludeText) : JsonRow(statement, score, request.IncludeText));
            }
            return (page, lines.ToString());
        });

    private static Task Write(Stream stream, string text, CancellationToken cancellationToken) =>
        stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();

    private static string JsonRow(IndexedStatement s, float score, bool includeText)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Readable))
        {
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("title", s.Title);
            json.WriteString("lang", s.Lang);
            WriteNullable(json, "date", s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteNullable(json, "datePrecision", s.DatePrecision);
            WriteNullable(json, "source", s.Source);
            WriteNullable(json, "url", s.Url);
            json.WriteString("kind", s.Kind);
            json.WriteNumber("score", score);
            if (includeText) json.WriteString("text", s.Text);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static string CsvRow(IndexedStatement s, float score, bool includeText)
    {
        string?[] values =
        [
            s.Id, s.Title, s.Lang, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.DatePrecision, s.Source, s.Url, s.Kind,
            score.ToString("R", CultureInfo.InvariantCulture),
        ];
        var row = string.Join(',', values.Select(v => Quote(v ?? "")));
        return (includeText ? row + "," + Quote(s.Text) : row) + "\r\n";
    }

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string ManifestJson(ExportManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Readable))
        {
            json.WriteStartObject();
            json.WritePropertyName("manifest");
            json.WriteStartObject();
            json.WriteString("query", manifest.Query);
            json.WritePropertyName("filters");
            json.WriteStartObject();
            WriteList(json, "lang", manifest.Filters.Langs);
            WriteList(json, "source", manifest.Filters.Sources);
            WriteList(json, "kind", manifest.Filters.Kinds);
            WriteList(json, "person", manifest.Filters.People);
            WriteList(json, "organization", manifest.Filters.Organizations);
            WriteList(json, "place", manifest.Filters.Places);
            WriteNullable(json, "from", manifest.Filters.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteNullable(json, "to", manifest.Filters.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteString("sort", manifest.Sort switch { SearchSort.Relevance => "relevance", SearchSort.Date => "date", _ => "-date" });
            json.WriteString("format", manifest.Format == ExportFormat.Csv ? "csv" : "ndjson");
            json.WriteBoolean("includesText", manifest.IncludesText);
            json.WriteNumber("snapshot", manifest.Snapshot);
            json.WriteNumber("indexedSeq", manifest.IndexedSeq);
            json.WriteNumber("count", manifest.Count);
            json.WriteString("sha256", manifest.Sha256);
            json.WriteString("generatedAt", manifest.GeneratedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    /// <summary>Passes bytes through to a stream, adding them to a running hash.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
