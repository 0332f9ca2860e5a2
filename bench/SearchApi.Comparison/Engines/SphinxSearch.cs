using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using MySqlConnector;
using SearchApi.Comparison.Corpus;
using SearchApi.Comparison.Load;
using SearchApi.Core.Statements;

namespace SearchApi.Comparison.Engines;

/// <summary>
/// Sphinx 2.2 (Debian's sphinxsearch): one index over title and text with morphology = stem_enru, fed by xmlpipe2;
/// searchd on 127.0.0.1 queried over its MySQL protocol (SphinxQL): the ten best with the total (SHOW META), snippets
/// by CALL SNIPPETS over the hits' texts (kept as string attributes), facets by FACET.
/// </summary>
public sealed class SphinxSearch(string work) : IPeerEngine
{
    public string Name => "Sphinx";

    public int FacetRepeats => 100;

    private readonly string _folder = Path.Combine(work, "sphinx");
    private readonly int _port = ProcessTools.FreePort();
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _kinds = new(StringComparer.Ordinal);

    private string Config => Path.Combine(_folder, "sphinx.conf");

    private string ConnectionString => $"Server=127.0.0.1;Port={_port};SslMode=None;Pooling=false;ConnectionTimeout=30;DefaultCommandTimeout=120";

    public async Task<IngestResult> LoadAsync(IReadOnlyList<Statement> statements)
    {
        Directory.CreateDirectory(_folder);
        var documents = Path.Combine(_folder, "documents.xml");
        WriteDocuments(statements, documents);
        File.WriteAllText(Config, $$"""
            source statements_source
            {
                type = xmlpipe2
                xmlpipe_command = cat {{documents}}
                xmlpipe_fixup_utf8 = 1
            }
            index statements
            {
                source = statements_source
                path = {{Path.Combine(_folder, "statements")}}
                morphology = stem_enru
                min_word_len = 1
                html_strip = 0
            }
            indexer
            {
                mem_limit = 1024M
            }
            searchd
            {
                listen = 127.0.0.1:{{_port}}:mysql41
                pid_file = {{Path.Combine(_folder, "searchd.pid")}}
                log = {{Path.Combine(_folder, "searchd.log")}}
                binlog_path =
                workers = threads
                listen_backlog = 128
                max_children = 128
                max_packet_size = 32M
            }
            """);
        var watch = Stopwatch.StartNew();
        var (_, took, peak) = await ProcessTools.RunAsync(ProcessTools.Info("indexer", ["--config", Config, "--all"]));
        var size = Directory.GetFiles(_folder, "statements.*").Sum(f => new FileInfo(f).Length);
        await ProcessTools.RunAsync(ProcessTools.Info("searchd", ["--config", Config]));
        await using (var probe = new MySqlConnection(ConnectionString)) await probe.OpenAsync();
        return new IngestResult("xmlpipe2 + indexer", statements.Count, took.TotalSeconds, peak, size, 0);
    }

    public long ResidentBytes() =>
        File.Exists(Path.Combine(_folder, "searchd.pid")) && int.TryParse(File.ReadAllText(Path.Combine(_folder, "searchd.pid")).Trim(), out var pid)
            ? ProcessTools.Memory(pid, "VmRSS")
            : 0;

    private void WriteDocuments(IReadOnlyList<Statement> statements, string path)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false };
        using var xml = XmlWriter.Create(path, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("sphinx", "docset", "sphinx");
        xml.WriteStartElement("sphinx", "schema", "sphinx");
        Field(xml, "title");
        Field(xml, "body");
        foreach (var (name, type) in new[] { ("lang_id", "int"), ("source_id", "int"), ("kind_id", "int"), ("year", "int"), ("date_ts", "timestamp") })
        {
            xml.WriteStartElement("sphinx", "attr", "sphinx");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        for (var i = 0; i < statements.Count; i++)
        {
            var s = statements[i];
            xml.WriteStartElement("sphinx", "document", "sphinx");
            xml.WriteAttributeString("id", (i + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("title", Clean(s.Title));
            xml.WriteElementString("body", Clean(s.Text));
            xml.WriteElementString("lang_id", LangId(s.Lang).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("source_id", Id(_sources, s.Source ?? "").ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("kind_id", Id(_kinds, s.Kind).ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("year", (s.Date?.Year ?? 0).ToString(CultureInfo.InvariantCulture));
            var seconds = s.Date is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds() : 0;
            xml.WriteElementString("date_ts", seconds.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Field(XmlWriter xml, string name)
    {
        xml.WriteStartElement("sphinx", "field", "sphinx");
        xml.WriteAttributeString("name", name);
        // Also kept as a string attribute: Sphinx keeps no documents, and snippets need the text.
        xml.WriteAttributeString("attr", "string");
        xml.WriteEndElement();
    }

    // XML 1.0 forbids most control characters.
    private static string Clean(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = source[i] < ' ' && source[i] is not ('\n' or '\r' or '\t') ? ' ' : source[i];
    });

    private static int LangId(string lang) => lang == Languages.Russian ? 2 : 1;

    private static int Id(Dictionary<string, int> ids, string value)
    {
        if (!ids.TryGetValue(value, out var id)) ids[value] = id = ids.Count + 1;
        return id;
    }

    /// <summary>The SphinxQL for one query of the set: filters as asked, the top ten, facets as asked (for the full answer).</summary>
    public string Select(BenchQuery query, Work work = Work.Full)
    {
        var sql = new StringBuilder(work.WithSnippets() ? "SELECT id, title, body" : "SELECT id, title").Append(" FROM statements WHERE MATCH(").Append(Quote(MatchText(query.Q))).Append(')');
        if (query.Lang is not null) sql.Append(" AND lang_id = ").Append(LangId(query.Lang));
        if (query.From is not null) sql.Append(" AND date_ts >= ").Append(Seconds(query.From));
        if (query.To is not null) sql.Append(" AND date_ts <= ").Append(Seconds(query.To) + 86_399);
        if (query.Source is not null) sql.Append(" AND source_id = ").Append(_sources.GetValueOrDefault(query.Source, -1));
        sql.Append(" LIMIT 10 OPTION ranker = proximity_bm25, field_weights = (title = 2, body = 1)");
        if (work.WithFacets()) foreach (var facet in query.Facets ?? []) sql.Append(" FACET ").Append(facet switch { "lang" => "lang_id", "source" => "source_id", _ => "kind_id" });
        return sql.ToString();
    }

    private static long Seconds(string date) =>
        new DateTimeOffset(DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>A SphinxQL string literal: backslash escapes, which Sphinx reads (MySQL-style doubled quotes it does not).</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 16).Append('\'');
        foreach (var c in text)
        {
            if (c is '\\' or '\'') quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.Append('\'').ToString();
    }

    /// <summary>The query in Sphinx's extended syntax: phrases kept, the characters that are operators escaped.</summary>
    public static string MatchText(string q)
    {
        var text = new StringBuilder();
        foreach (var c in q)
        {
            if (c is '\\' or '(' or ')' or '|' or '-' or '!' or '@' or '~' or '/' or '^' or '$' or '<' or '=' or '&') text.Append('\\');
            text.Append(c);
        }
        return text.ToString();
    }

    public async Task<LoadDriver.IWorker> ConnectAsync(IReadOnlyList<BenchQuery> queries, Work work)
    {
        var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return new Worker(connection, queries.Select(q => Select(q, work)).ToArray(), work.WithSnippets() ? queries.Select(q => MatchText(q.Q)).ToArray() : null);
    }

    /// <summary>Four facets over every statement, one query at a time: latency percentiles.</summary>
    public async Task<FacetResult> FacetsAsync(int repeats)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        const string sql = "SELECT id FROM statements LIMIT 1 FACET lang_id FACET source_id FACET year FACET kind_id";
        var latencies = new List<double>();
        for (var i = 0; i < repeats + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new MySqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync()) { }
            }
            while (await reader.NextResultAsync());
            if (i >= 3) latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        var result = LoadResult.From(1, TimeSpan.FromSeconds(1), latencies, 0);
        return new FacetResult("lang, source, year, kind", result.P50Ms, result.P99Ms);
    }

    /// <param name="matches">The queries for CALL SNIPPETS; null for equal work (no snippets).</param>
    private sealed class Worker(MySqlConnection connection, string[] selects, string[]? matches) : LoadDriver.IWorker
    {
        public async Task RunAsync(int index)
        {
            var texts = new List<string>();
            await using (var select = new MySqlCommand(selects[index], connection))
            {
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync()) if (matches is not null) texts.Add(reader.GetString(2));
                while (await reader.NextResultAsync())
                    while (await reader.ReadAsync()) { }
            }
            await using (var meta = new MySqlCommand("SHOW META", connection))
            await using (var reader = await meta.ExecuteReaderAsync())
                while (await reader.ReadAsync()) { }
            if (matches is null || texts.Count == 0) return;
            var snippets = new StringBuilder("CALL SNIPPETS((");
            for (var i = 0; i < texts.Count; i++) snippets.Append(i == 0 ? "" : ", ").Append(Quote(texts[i]));
            snippets.Append("), 'statements', ").Append(Quote(matches[index])).Append(", 200 AS limit, 2 AS limit_passages)");
            await using var call = new MySqlCommand(snippets.ToString(), connection);
            await using var rows = await call.ExecuteReaderAsync();
            while (await rows.ReadAsync()) { }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Config))
        {
            try
            {
                await ProcessTools.RunAsync(ProcessTools.Info("searchd", ["--config", Config, "--stopwait"]));
            }
            catch (InvalidOperationException)
            {
                // Not running.
            }
        }
    }
}
