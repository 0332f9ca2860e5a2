using System.Globalization;
using System.Text;
using System.Text.Json;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

public enum ExportFormat
{
    Ndjson,
    Csv,
}

/// <summary>How to export a session's statements: in which order, in which format, with or without their text, and after which hit (a search cursor's).</summary>
public sealed record ExportOptions(SearchSort Sort, ExportFormat Format, bool IncludeText, SearchPosition? After = null);

/// <summary>What an export holds, so that it can be cited and checked: the search, the index snapshot, the count and the SHA-256 of every byte before the manifest.</summary>
public sealed record ExportManifest(
    string Query, SearchFilters Filters, SearchSort Sort, ExportFormat Format, bool IncludesText,
    long Snapshot, long IndexedSeq, long Count, string Sha256, DateTimeOffset GeneratedAt);

/// <summary>The lines of an export: statements as JSON Lines or CSV rows, and the manifest that ends them.</summary>
public static class ExportRows
{
    // Exports are read by people: keep Cyrillic and typographic quotes as they are (output is never embedded in HTML).
    private static readonly JsonWriterOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The JSON rows' names, and the people, organisations and places a statement names (for spreadsheets, by name).
    private static readonly string[] Columns = ["id", "title", "lang", "date", "datePrecision", "source", "url", "kind", "score", "people", "organizations", "places"];

    /// <summary>
    /// The first bytes: nothing for JSON Lines; for CSV a byte-order mark (so spreadsheets read the file as UTF-8 and
    /// keep Cyrillic) and the header row.
    /// </summary>
    public static string Header(ExportOptions options) =>
        options.Format == ExportFormat.Csv ? "\uFEFF" + string.Join(',', options.IncludeText ? [.. Columns, "text"] : Columns) + "\r\n" : "";

    /// <param name="name">An entity's name, for the CSV's people, organisations and places columns.</param>
    public static string Row(IndexedStatement statement, float score, ExportOptions options, Func<string, string> name) =>
        options.Format == ExportFormat.Csv ? CsvRow(statement, score, options.IncludeText, name) : JsonRow(statement, score, options.IncludeText);

    /// <summary>
    /// The manifest as the last line of JSON Lines. A CSV holds only the table (a row of another shape breaks simple
    /// loaders): its manifest is asked for separately (GET /api/v1/search/export/manifest) and hashes the whole file.
    /// </summary>
    public static string Manifest(ExportManifest manifest) =>
        manifest.Format == ExportFormat.Csv ? "" : ManifestJson(manifest) + "\n";

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

    private static string CsvRow(IndexedStatement s, float score, bool includeText, Func<string, string> name)
    {
        string Names(string type) => string.Join("; ", s.Mentions.Select(m => m.EntityId).Distinct()
            .Where(id => Statements.EntityTypes.OfId(id) == type).Select(name));
        string?[] values =
        [
            s.Id, s.Title, s.Lang, s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.DatePrecision, s.Source, s.Url, s.Kind,
            score.ToString("R", CultureInfo.InvariantCulture),
            Names(Statements.EntityTypes.Person), Names(Statements.EntityTypes.Organization), Names(Statements.EntityTypes.Place),
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
}
