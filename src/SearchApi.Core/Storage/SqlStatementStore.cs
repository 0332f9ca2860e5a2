using System.Data.Common;
using System.Globalization;
using Dapper;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Storage;

/// <summary>
/// The statement store over Dapper; the same SQL serves SQLite and PostgreSQL (engine differences live in
/// <see cref="IStoreConnections"/> and the migrations). Every write runs under the store's write lock.
/// </summary>
public sealed class SqlStatementStore(IStoreConnections connections, TimeProvider clock, StoreHealth? health = null) : IStatementStore
{
    private readonly StoreHealth _health = health ?? new StoreHealth(clock);

    private const string Columns =
        "seq AS Seq, id AS Id, deleted AS Deleted, lang AS Lang, title AS Title, date AS Date, date_precision AS DatePrecision, " +
        "source AS Source, url AS Url, kind AS Kind, author AS Author, text AS Text, entities AS Entities, content_hash AS ContentHash, updated_at AS UpdatedAt, " +
        "dateline AS Dateline";

    private const string UpsertSql = """
        INSERT INTO statements (id, seq, deleted, lang, title, date, date_precision, source, url, kind, author, text, entities, content_hash, updated_at, dateline)
        VALUES (@Id, @Seq, 0, @Lang, @Title, @Date, @DatePrecision, @Source, @Url, @Kind, @Author, @Text, @Entities, @ContentHash, @UpdatedAt, @Dateline)
        ON CONFLICT (id) DO UPDATE SET
            seq = excluded.seq, deleted = 0, lang = excluded.lang, title = excluded.title, date = excluded.date,
            date_precision = excluded.date_precision, source = excluded.source, url = excluded.url, kind = excluded.kind,
            author = excluded.author, text = excluded.text, entities = excluded.entities, content_hash = excluded.content_hash,
            updated_at = excluded.updated_at, dateline = excluded.dateline
        """;

    private const string TakeSequenceSql = "UPDATE store_sequence SET last_seq = last_seq + @Count WHERE id = 1 RETURNING last_seq";

    // SQLite allows 32,766 parameters per statement; stay far below it when listing ids.
    private const int IdsPerQuery = 500;

    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        Tracked(write: true, async () =>
        {
            await Migrator.ApplyAsync(connections, cancellationToken);
            return true;
        });

    // The store's state is one small row: reading it proves the store answers, not that its statements can be read, so a
    // success here does not clear an earlier failure to read them.
    public Task<StoreState> GetStateAsync(CancellationToken cancellationToken = default) =>
        Tracked(write: false, () => ReadStateAsync(cancellationToken), clearsFailure: false);

    public Task<IReadOnlyList<WriteResult>> UpsertAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default) =>
        Tracked(write: true, () => WriteAsync(statements, cancellationToken));

    public Task<WriteResult> DeleteAsync(string id, CancellationToken cancellationToken = default) => Tracked(write: true, () => TombstoneAsync(id, cancellationToken));

    public Task<StoredStatement?> GetAsync(string id, CancellationToken cancellationToken = default) => Tracked(write: false, () => ReadAsync(id, cancellationToken));

    public Task<IReadOnlyList<StoredStatement>> GetChangesAsync(
        long afterSeq, int limit, CancellationToken cancellationToken = default, DateTimeOffset? changedSince = null) =>
        Tracked(write: false, () => ReadChangesAsync(afterSeq, limit, changedSince, cancellationToken));

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Tracked(write: false, () => ReadCountAsync(cancellationToken));

    // Every operation reports to the store's health how it went, so /health/ready tells what requests saw.
    private async Task<T> Tracked<T>(bool write, Func<Task<T>> operation, bool clearsFailure = true)
    {
        try
        {
            var result = await operation();
            if (clearsFailure) _health.Succeeded(write);
            return result;
        }
        catch (Exception e) when (StoreHealth.IsStoreFault(e))
        {
            _health.Failed(write, e);
            throw;
        }
    }

    private async Task<StoreState> ReadStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var storeId = await connection.ExecuteScalarAsync<string>(Command("SELECT value FROM store_meta WHERE key = 'store_id'", null, null, cancellationToken));
        var lastSeq = await connection.ExecuteScalarAsync<long>(Command("SELECT last_seq FROM store_sequence WHERE id = 1", null, null, cancellationToken));
        return new StoreState(storeId ?? "", lastSeq);
    }

    private async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0) return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginWriteAsync(connection, cancellationToken);

        var current = await CurrentHashesAsync(connection, transaction, statements.Select(s => s.Id).Distinct().ToList(), cancellationToken);
        var results = new WriteResult[statements.Count];
        var rows = new List<StatementRow>();
        var updatedAt = Timestamp();
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            var hash = ContentHash.Of(statement);
            var exists = current.TryGetValue(statement.Id, out var existing);
            if (exists && existing!.Deleted == 0 && existing.ContentHash == hash)
            {
                results[i] = new WriteResult(statement.Id, WriteOutcome.Unchanged, null);
                continue;
            }
            current[statement.Id] = new HashRow { ContentHash = hash, Deleted = 0 };
            results[i] = new WriteResult(statement.Id, exists && existing!.Deleted == 0 ? WriteOutcome.Updated : WriteOutcome.Created, null);
            rows.Add(StatementRow.From(statement, hash, updatedAt));
        }

        if (rows.Count > 0)
        {
            var seq = await TakeSequenceAsync(connection, transaction, rows.Count, cancellationToken);
            foreach (var row in rows) row.Seq = seq++;
            await connection.ExecuteAsync(Command(UpsertSql, rows, transaction, cancellationToken));
            // Hand the sequence numbers back in input order: rows were taken from the inputs in that order.
            var next = 0;
            for (var i = 0; i < results.Length; i++)
                if (results[i].Outcome != WriteOutcome.Unchanged) results[i] = results[i] with { Seq = rows[next++].Seq };
        }
        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<WriteResult> TombstoneAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connections.BeginWriteAsync(connection, cancellationToken);
        var deleted = await connection.ExecuteScalarAsync<long?>(Command(
            "SELECT deleted FROM statements WHERE id = @id", new { id }, transaction, cancellationToken));
        if (deleted is null or 1) return new WriteResult(id, WriteOutcome.NotFound, null);
        var seq = await TakeSequenceAsync(connection, transaction, 1, cancellationToken);
        await connection.ExecuteAsync(Command("""
            UPDATE statements SET seq = @seq, deleted = 1, title = '', text = '', date = NULL, date_precision = NULL,
                source = NULL, url = NULL, author = NULL, dateline = NULL, entities = '[]', content_hash = '', updated_at = @updatedAt
            WHERE id = @id
            """, new { id, seq, updatedAt = Timestamp() }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new WriteResult(id, WriteOutcome.Deleted, seq);
    }

    private async Task<StoredStatement?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StatementRow>(Command(
            $"SELECT {Columns} FROM statements WHERE id = @id AND deleted = 0", new { id }, null, cancellationToken));
        return row?.ToStored();
    }

    private async Task<IReadOnlyList<StoredStatement>> ReadChangesAsync(long afterSeq, int limit, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Timestamps are stored as fixed-width ISO 8601 UTC text, so text order is time order.
        var since = changedSince is { } instant ? Timestamp(instant) : null;
        var rows = await connection.QueryAsync<StatementRow>(Command(
            $"SELECT {Columns} FROM statements WHERE seq > @afterSeq AND (@since IS NULL OR updated_at >= @since) ORDER BY seq LIMIT @limit",
            new { afterSeq, limit, since }, null, cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    private async Task<long> ReadCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM statements WHERE deleted = 0", null, null, cancellationToken));
    }

    private static async Task<long> TakeSequenceAsync(DbConnection connection, DbTransaction transaction, int count, CancellationToken cancellationToken)
    {
        var last = await connection.ExecuteScalarAsync<long>(Command(TakeSequenceSql, new { Count = count }, transaction, cancellationToken));
        return last - count + 1;
    }

    private async Task<Dictionary<string, HashRow>> CurrentHashesAsync(
        DbConnection connection, DbTransaction transaction, List<string> ids, CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, HashRow>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var rows = await connection.QueryAsync<HashRow>(Command(
                $"SELECT id AS Id, content_hash AS ContentHash, deleted AS Deleted FROM statements WHERE {connections.InList("id", "chunk")}",
                new { chunk }, transaction, cancellationToken));
            foreach (var row in rows) current[row.Id] = row;
        }
        return current;
    }

    private string Timestamp() => Timestamp(clock.GetUtcNow());

    private static string Timestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);

    private sealed class HashRow
    {
        public string Id { get; init; } = "";
        public string ContentHash { get; init; } = "";
        public long Deleted { get; init; }
    }

    /// <summary>The statements table as Dapper reads and writes it.</summary>
    private sealed class StatementRow
    {
        public long Seq { get; set; }
        public string Id { get; init; } = "";
        public long Deleted { get; init; }
        public string Lang { get; init; } = "";
        public string Title { get; init; } = "";
        public string? Date { get; init; }
        public string? DatePrecision { get; init; }
        public string? Source { get; init; }
        public string? Url { get; init; }
        public string Kind { get; init; } = "";
        public string? Author { get; init; }
        public string Text { get; init; } = "";
        public string Entities { get; init; } = "[]";
        public string ContentHash { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
        public string? Dateline { get; init; }

        public static StatementRow From(Statement s, string hash, string updatedAt) => new()
        {
            Id = s.Id,
            Lang = s.Lang,
            Title = s.Title,
            Date = s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision = s.DatePrecision,
            Source = s.Source,
            Url = s.Url,
            Kind = s.Kind,
            Author = s.Author,
            Text = s.Text,
            Entities = EntityJson.Write(s.Entities),
            ContentHash = hash,
            UpdatedAt = updatedAt,
            Dateline = s.Dateline,
        };

        public StoredStatement ToStored()
        {
            var updated = DateTimeOffset.Parse(UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (Deleted != 0) return new StoredStatement(Seq, Id, true, null, ContentHash, updated);
            var statement = new Statement(
                Id, Lang, Title,
                Date is null ? null : DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DatePrecision, Source, Url, Kind, Author, Statement.SplitParagraphs(Text))
            {
                Entities = EntityJson.Read(Entities),
                Dateline = Dateline,
            };
            return new StoredStatement(Seq, Id, false, statement, ContentHash, updated);
        }
    }
}
