using SearchApi.Core.Storage;

namespace SearchApi.Options;

/// <summary>The service's settings, bound from the "SearchApi" configuration section and checked at start.</summary>
public sealed class SearchApiOptions
{
    public const string Section = "SearchApi";

    /// <summary>Where the Lucene index (index/) and, on SQLite, the store (statements.db) live. Created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The store's engine: "sqlite" (embedded, one machine) or "postgres" (shared by several replicas).</summary>
    public string Storage { get; set; } = StoreEngines.Sqlite;

    /// <summary>
    /// ConnectionStrings:Statements, copied here at start: required for PostgreSQL; for SQLite optional (default: a
    /// statements.db file in the data directory).
    /// </summary>
    public string? StatementsConnectionString { get; set; }

    /// <summary>How long, in seconds, start-up waits for an unreachable store (PostgreSQL still starting) before giving up.</summary>
    public int StoreWaitSeconds { get; set; } = 60;

    /// <summary>
    /// A folder of statements ingested when the store is empty. Default: the repository's seeds/ folder, when one is
    /// found. "none" (or empty): never load seeds.
    /// </summary>
    public string? SeedsPath { get; set; }

    public bool SeedsDisabled => SeedsPath is not null && (SeedsPath.Trim().Length == 0 || SeedsPath.Trim().Equals("none", StringComparison.OrdinalIgnoreCase));

    /// <summary>Secret that signs paging cursors. Default: derived from the store's identity, so every replica of one store accepts the same cursors.</summary>
    public string? CursorSecret { get; set; }

    /// <summary>Origins allowed to call the API from browsers (CORS), e.g. https://newsroom.example.org. Empty: no cross-origin calls.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>How long, in seconds, a superseded index snapshot stays available to paging cursors.</summary>
    public int CursorLifetimeSeconds { get; set; } = 600;

    /// <summary>
    /// How often, in milliseconds, the index checks the store for writes made elsewhere (the CLI, other replicas). On
    /// PostgreSQL, replicas are also told of each committed write at once (LISTEN/NOTIFY); this is the fallback.
    /// </summary>
    public int SyncIntervalMs { get; set; } = 1_000;

    /// <summary>
    /// How long, in seconds, the index may stay behind the store before /health/ready reports it degraded (a bulk load
    /// keeps it a little behind for a while; a stuck catch-up keeps it behind for good).
    /// </summary>
    public int MaxIndexLagSeconds { get; set; } = 30;

    /// <summary>
    /// Megabytes of index file pages kept in memory (the index is read through this cache rather than a memory map, so
    /// that a damaged file cannot fault the process). Size it near the index's size on disk when memory allows.
    /// </summary>
    public int IndexCacheMegabytes { get; set; } = Core.Indexing.IndexPageCache.DefaultMegabytes;

    /// <summary>
    /// Most seconds between index commits. A write is searchable when it is acknowledged (a refresh); the commit that
    /// makes the index durable comes within this time (or after <see cref="IndexCommitChanges"/>). After a crash the
    /// index re-applies from the store what came after its last commit.
    /// </summary>
    public int IndexCommitSeconds { get; set; } = 10;

    /// <summary>
    /// Where a new replica's index starts from instead of being built from the store (used only when there is no index
    /// yet): a folder of index files (the `snapshot` command writes one) or the address of a running replica, whose
    /// GET /api/v1/admin/index/snapshot is read with <see cref="IndexSnapshotApiKey"/>. The copy then catches up from
    /// its store sequence. Empty: the index is built from the store.
    /// </summary>
    public string? IndexSnapshotFrom { get; set; }

    /// <summary>The API key sent to the replica <see cref="IndexSnapshotFrom"/> names.</summary>
    public string? IndexSnapshotApiKey { get; set; }

    /// <summary>Most store changes the index applies before it commits.</summary>
    public int IndexCommitChanges { get; set; } = 10_000;

    /// <summary>Most words, phrases and prefixes one query may hold (too_many_clauses beyond).</summary>
    public int MaxQueryClauses { get; set; } = 32;

    /// <summary>Most indexed words one prefix* may stand for (too_many_expansions beyond).</summary>
    public int MaxPrefixExpansions { get; set; } = 200;

    /// <summary>Keys that may write (X-Api-Key header), from configuration or the environment, never from the repository. Empty: writes are disabled.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>The configured keys, without blank entries (an empty SearchApi__ApiKeys__0 from a deployment means "no key").</summary>
    public IReadOnlyList<string> ConfiguredApiKeys => ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).ToList();

    /// <summary>
    /// Reverse proxies (addresses or CIDR networks, e.g. 10.0.0.0/8) whose X-Forwarded-For names the real client, for
    /// rate limits and logs. Empty: only a proxy on this machine (loopback) is believed.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Largest request body for a single write (JSON or text), in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Largest bulk upload, in bytes after decompression.</summary>
    public long MaxBulkBodyBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Longest line of a bulk upload, in bytes; longer lines are rejected, the rest of the upload goes on.</summary>
    public int MaxBulkLineBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest a search or facet count may run, in milliseconds (search_timeout beyond).</summary>
    public int SearchTimeoutMs { get; set; } = 10_000;

    /// <summary>Requests per second (and burst) per client: anonymous clients by address, writers by API key.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "statements.db");

    public string IndexPath => Path.Combine(Path.GetFullPath(DataDirectory), "index");
}

/// <summary>Token buckets per client. 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public int AnonymousPerSecond { get; set; } = 50;

    public int AnonymousBurst { get; set; } = 100;

    public int KeyedPerSecond { get; set; } = 500;

    public int KeyedBurst { get; set; } = 1_000;
}
