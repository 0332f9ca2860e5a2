using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SearchApi.Comparison.Corpus;
using SearchApi.Comparison.Load;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Comparison.Engines;

/// <summary>
/// PostgreSQL 15 full-text search as a newsroom that already runs PostgreSQL would set it up: one tsvector per
/// statement in its language's configuration (title weighted A, text B), a GIN index, websearch_to_tsquery in both
/// configurations, ts_rank_cd, the top ten with ts_headline snippets and the total count; facets by GROUP BY.
/// </summary>
public sealed class PostgresFts : IPeerEngine
{
    public string Name => "PostgreSQL FTS";

    public int FacetRepeats => 20;

    private const string Database = "bench";
    private readonly ThrowawayPostgres _server = ThrowawayPostgres.Start(
        "shared_buffers=512MB", "work_mem=32MB", "maintenance_work_mem=512MB", "max_connections=64", "effective_cache_size=4GB");

    private string ConnectionString => _server.ConnectionString(Database) + ";Pooling=false;Timeout=30;Command Timeout=120";

    public long ResidentBytes() => _server.ResidentBytes();

    public async Task<IngestResult> LoadAsync(IReadOnlyList<Statement> statements)
    {
        _server.Execute($"CREATE DATABASE {Database}");
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, """
            CREATE TABLE statements (
                id TEXT PRIMARY KEY, lang TEXT NOT NULL, title TEXT NOT NULL, date DATE, source TEXT, kind TEXT NOT NULL, text TEXT NOT NULL,
                tsv TSVECTOR GENERATED ALWAYS AS (
                    setweight(to_tsvector(CASE WHEN lang = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, title), 'A') ||
                    setweight(to_tsvector(CASE WHEN lang = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, text), 'B')) STORED)
            """);
        await using (var import = await connection.BeginBinaryImportAsync("COPY statements (id, lang, title, date, source, kind, text) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in statements)
            {
                await import.StartRowAsync();
                await import.WriteAsync(s.Id, NpgsqlDbType.Text);
                await import.WriteAsync(s.Lang, NpgsqlDbType.Text);
                await import.WriteAsync(Clean(s.Title), NpgsqlDbType.Text);
                if (s.Date is { } date) await import.WriteAsync(date, NpgsqlDbType.Date); else await import.WriteNullAsync();
                if (s.Source is { } source) await import.WriteAsync(source, NpgsqlDbType.Text); else await import.WriteNullAsync();
                await import.WriteAsync(s.Kind, NpgsqlDbType.Text);
                await import.WriteAsync(Clean(s.Text), NpgsqlDbType.Text);
            }
            await import.CompleteAsync();
        }
        await Execute(connection, "CREATE INDEX statements_tsv ON statements USING GIN (tsv)");
        await Execute(connection, "CREATE INDEX statements_lang ON statements (lang); CREATE INDEX statements_date ON statements (date); CREATE INDEX statements_source ON statements (source)");
        await Execute(connection, "VACUUM ANALYZE statements");
        var took = watch.Elapsed;
        await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return new IngestResult("COPY + GIN", statements.Count, took.TotalSeconds, ResidentBytes(), (long)(await size.ExecuteScalarAsync())!, 0);
    }

    // PostgreSQL text cannot hold NUL.
    private static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;

    /// <summary>The SQL for one query of the set: filters as asked, the ten best and the total; for the full answer their snippets and the facets asked.</summary>
    public static (string Search, string? Facets) Sql(BenchQuery query, Work work = Work.Full)
    {
        var filters = new StringBuilder();
        if (query.Lang is not null) filters.Append(" AND lang = @lang");
        if (query.From is not null) filters.Append(" AND date >= @from::date");
        if (query.To is not null) filters.Append(" AND date <= @to::date");
        if (query.Source is not null) filters.Append(" AND source = @source");
        const string match = "(SELECT websearch_to_tsquery('english', @q) || websearch_to_tsquery('russian', @q) AS query) q";
        var snippet = work.WithSnippets()
            ? ",\n       ts_headline(CASE WHEN s.lang = 'ru' THEN 'russian'::regconfig ELSE 'english'::regconfig END, s.text, top.query, 'MaxFragments=2, MaxWords=35, MinWords=15') AS snippet"
            : "";
        var search = $"""
            SELECT s.id, s.title, top.total{snippet}
            FROM (SELECT id, ts_rank_cd(tsv, query) AS rank, count(*) OVER () AS total, query
                  FROM statements, {match}
                  WHERE tsv @@ query{filters}
                  ORDER BY rank DESC LIMIT 10) top
            JOIN statements s ON s.id = top.id
            ORDER BY top.rank DESC
            """;
        string? facets = null;
        if (work.WithFacets() && query.Facets is { Count: > 0 } fields)
            facets = string.Join("\nUNION ALL\n", fields.Select(f =>
                $"SELECT '{f}' AS field, {f} AS value, count(*) FROM statements, {match} WHERE tsv @@ query{filters} GROUP BY {f}"));
        return (search, facets);
    }

    public async Task<LoadDriver.IWorker> ConnectAsync(IReadOnlyList<BenchQuery> queries, Work work)
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return new Worker(connection, queries, work);
    }

    /// <summary>Four facets over every statement, one query at a time: latency percentiles.</summary>
    public async Task<FacetResult> FacetsAsync(int repeats)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        const string sql = """
            SELECT 'lang', lang, count(*) FROM statements GROUP BY lang UNION ALL
            SELECT 'source', source, count(*) FROM statements GROUP BY source UNION ALL
            SELECT 'year', extract(year FROM date)::text, count(*) FROM statements GROUP BY 2 UNION ALL
            SELECT 'kind', kind, count(*) FROM statements GROUP BY kind
            """;
        var latencies = new List<double>();
        for (var i = 0; i < repeats + 3; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
            if (i >= 3) latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        var result = LoadResult.From(1, TimeSpan.FromSeconds(1), latencies, 0);
        return new FacetResult("lang, source, year, kind", result.P50Ms, result.P99Ms);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Worker(NpgsqlConnection connection, IReadOnlyList<BenchQuery> queries, Work work) : LoadDriver.IWorker
    {
        private readonly (string Search, string? Facets)[] _sql = queries.Select(q => Sql(q, work)).ToArray();

        public async Task RunAsync(int index)
        {
            var query = queries[index];
            await Read(_sql[index].Search, query);
            if (_sql[index].Facets is { } facets) await Read(facets, query);
        }

        private async Task Read(string sql, BenchQuery query)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("q", query.Q);
            if (query.Lang is not null) command.Parameters.AddWithValue("lang", query.Lang);
            if (query.From is not null) command.Parameters.AddWithValue("from", query.From);
            if (query.To is not null) command.Parameters.AddWithValue("to", query.To);
            if (query.Source is not null) command.Parameters.AddWithValue("source", query.Source);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        _server.Dispose();
        return ValueTask.CompletedTask;
    }
}
