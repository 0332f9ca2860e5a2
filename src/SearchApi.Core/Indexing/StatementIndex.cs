using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SearchApi.Core.Storage;
using Directory = Lucene.Net.Store.Directory;

namespace SearchApi.Core.Indexing;

/// <summary>
/// The on-disk Lucene index of statements. Owns the writer and the near-real-time searcher manager; every commit
/// records the store it was built from and the highest store sequence number it contains.
/// </summary>
public sealed class StatementIndex : IDisposable
{
    /// <summary>Raised whenever the fields or analysis change, so that an index built by an older version is rebuilt.</summary>
    public const int SchemaVersion = 6;

    private const string SeqKey = "storeSeq";
    private const string StoreIdKey = "storeId";
    private const string SchemaKey = "schema";
    private const string SkippedKey = "skipped";

    private readonly Directory _directory;
    private readonly IndexWriter? _writer;
    private readonly SearcherManager _searchers;
    private readonly SearcherLifetimeManager _snapshots = new();
    private readonly System.Threading.Lock _writeLock = new();
    private readonly Dictionary<string, SkippedStatement> _skipped = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private long _lastPrune;
    private long _searchableSeq;

    private StatementIndex(Directory directory, IndexWriter? writer, Analyzer analyzer, TimeProvider? clock)
    {
        _clock = clock ?? TimeProvider.System;
        _lastPrune = _clock.GetUtcNow().UtcTicks;
        _directory = directory;
        _writer = writer;
        Analyzer = analyzer;
        _searchers = writer is null
            ? new SearcherManager(directory, new RankingSearcherFactory())
            : new SearcherManager(writer, applyAllDeletes: true, searcherFactory: new RankingSearcherFactory());
        IDictionary<string, string> data;
        if (writer is not null) data = writer.CommitData;
        else
        {
            using var lease = Acquire();
            data = ((DirectoryReader)lease.Searcher.IndexReader).IndexCommit.UserData;
        }
        var compatible = data.TryGetValue(SchemaKey, out var schema) && schema == SchemaVersion.ToString(CultureInfo.InvariantCulture);
        StoreId = compatible && data.TryGetValue(StoreIdKey, out var storeId) ? storeId : null;
        IndexedSeq = compatible && data.TryGetValue(SeqKey, out var seq) ? long.Parse(seq, CultureInfo.InvariantCulture) : 0;
        _searchableSeq = IndexedSeq;
        CommittedSeq = IndexedSeq;
        if (compatible && data.TryGetValue(SkippedKey, out var skipped))
            foreach (var record in SkippedStatements.Read(skipped)) _skipped[record.Id] = record;
    }

    /// <summary>Opens the index in <paramref name="path"/>, creating it when absent. Throws when the files are unreadable.</summary>
    public static StatementIndex Open(string path, Analyzer analyzer, IndexPageCache? cache = null, TimeProvider? clock = null)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = new PagedDirectory(new DirectoryInfo(path), cache ?? IndexPageCache.Default);
        try
        {
            var config = new IndexWriterConfig(Analysis.AnalysisVersion.Current, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
                Similarity = Ranking.Similarity,
                // The last commit only, unless a snapshot being copied to a new replica holds an older one.
                IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
            };
            var writer = new IndexWriter(directory, config);
            try
            {
                return new StatementIndex(directory, writer, analyzer, clock);
            }
            catch
            {
                writer.Dispose();
                throw;
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an index for searching only, beside the process that writes it (an operator's export while the service
    /// runs): it sees the last commit, never takes the write lock, and refuses writes.
    /// </summary>
    public static StatementIndex OpenReadOnly(string path, Analyzer analyzer, IndexPageCache? cache = null, TimeProvider? clock = null)
    {
        var directory = new PagedDirectory(new DirectoryInfo(path), cache ?? IndexPageCache.Default);
        try
        {
            return new StatementIndex(directory, null, analyzer, clock);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    public Analyzer Analyzer { get; }

    private IndexWriter Writer => _writer ?? throw new InvalidOperationException("This index was opened for searching only.");

    /// <summary>The store this index was built from; null for a new index or one built with another schema.</summary>
    public string? StoreId { get; private set; }

    /// <summary>The highest store sequence number applied to the index (searchable after the next <see cref="Refresh"/>).</summary>
    public long IndexedSeq { get; private set; }

    /// <summary>The highest store sequence number new searches see.</summary>
    public long SearchableSeq => Interlocked.Read(ref _searchableSeq);

    /// <summary>Statements the index could not take, by sequence number.</summary>
    public IReadOnlyList<SkippedStatement> Skipped
    {
        get
        {
            lock (_writeLock) return _skipped.Values.OrderBy(s => s.Seq).ToList();
        }
    }

    /// <summary>Empties the index so it can be rebuilt from the given store.</summary>
    public void Reset(string storeId)
    {
        lock (_writeLock)
        {
            Writer.DeleteAll();
            StoreId = storeId;
            IndexedSeq = 0;
            _skipped.Clear();
            HasUncommittedChanges = true;
            HasUnsearchableChanges = true;
        }
    }

    /// <summary>
    /// Applies store changes in sequence order: live rows replace their document, tombstones delete it. A statement the
    /// index cannot take (its analysis fails) is left out and recorded in <see cref="Skipped"/>, and the rest go on; a
    /// fault of the index itself (its files, its writer) stops the batch and is thrown, and the index's sequence stays
    /// where it was (applying a change again is harmless).
    /// </summary>
    public void Apply(IReadOnlyList<StoredStatement> changes, TimeProvider? clock = null)
    {
        if (changes.Count == 0) return;
        lock (_writeLock)
        {
            HasUncommittedChanges = true;
            HasUnsearchableChanges = true;
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            // Only the last change of an id counts; different ids are analysed on every core at once (the writer takes
            // documents from many threads), which is most of the cost of indexing.
            var last = LastPerId(changes);
            var outcomes = new SkippedStatement?[last.Count];
            if (last.Count < ParallelFrom)
                for (var i = 0; i < last.Count; i++) outcomes[i] = ApplyOne(last[i], now);
            else
            {
                try
                {
                    Parallel.For(0, last.Count, i => outcomes[i] = ApplyOne(last[i], now));
                }
                catch (AggregateException e)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                }
            }
            for (var i = 0; i < last.Count; i++)
            {
                if (outcomes[i] is { } skipped) _skipped[skipped.Id] = skipped;
                else _skipped.Remove(last[i].Id);
            }
            IndexedSeq = Math.Max(IndexedSeq, changes.Max(c => c.Seq));
        }
    }

    // Below this many documents a batch is applied on the calling thread: a single write gains nothing from more.
    private const int ParallelFrom = 64;

    private static List<StoredStatement> LastPerId(IReadOnlyList<StoredStatement> changes)
    {
        var at = new Dictionary<string, int>(changes.Count, StringComparer.Ordinal);
        var last = new List<StoredStatement>(changes.Count);
        foreach (var change in changes)
        {
            if (at.TryGetValue(change.Id, out var i)) last[i] = change;
            else
            {
                at[change.Id] = last.Count;
                last.Add(change);
            }
        }
        return last;
    }

    /// <returns>The record of a statement left out because its analysis failed; null when it was applied.</returns>
    private SkippedStatement? ApplyOne(StoredStatement change, DateTimeOffset now)
    {
        var id = new Term(IndexFields.Id, change.Id);
        if (change.Deleted || change.Statement is null)
        {
            Writer.DeleteDocuments(id);
            return null;
        }
        try
        {
            Writer.UpdateDocument(id, StatementDocuments.Create(change.Statement, change.Seq));
            return null;
        }
        catch (Exception e) when (IsStatementFault(e))
        {
            // The old version would answer for content the store no longer holds: it goes too.
            Writer.DeleteDocuments(id);
            return new SkippedStatement(change.Id, change.Seq, SkippedStatements.Reason(e), now);
        }
    }

    // Faults of the index itself, not of one statement's content: they must stop the catch-up, not skip statements.
    private static bool IsStatementFault(Exception e) =>
        e is not (IOException or UnauthorizedAccessException or ObjectDisposedException or OutOfMemoryException
            or OperationCanceledException or InsufficientExecutionStackException);

    /// <summary>
    /// Holds the last commit's files on disk until disposed (merges and later commits leave them alone meanwhile), for
    /// copying to a new replica. Null for an index opened read-only or never committed.
    /// </summary>
    public PinnedCommit? PinLastCommit()
    {
        if (_writer?.Config.IndexDeletionPolicy is not SnapshotDeletionPolicy policy || _directory is not FSDirectory folder) return null;
        IndexCommit commit;
        try
        {
            commit = policy.Snapshot();
        }
        catch (InvalidOperationException)
        {
            return null; // no commit yet
        }
        var seq = commit.UserData.TryGetValue(SeqKey, out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        return new PinnedCommit(folder.Directory.FullName, [.. commit.FileNames], seq, () => policy.Release(commit));
    }

    /// <summary>Makes applied changes durable, recording the store id and sequence number they bring the index up to.</summary>
    public void Commit()
    {
        lock (_writeLock)
        {
            Writer.SetCommitData(new Dictionary<string, string>
            {
                [SeqKey] = IndexedSeq.ToString(CultureInfo.InvariantCulture),
                [StoreIdKey] = StoreId ?? "",
                [SchemaKey] = SchemaVersion.ToString(CultureInfo.InvariantCulture),
                [SkippedKey] = SkippedStatements.Write(_skipped.Values),
            });
            Writer.Commit();
            CommittedSeq = IndexedSeq;
            HasUncommittedChanges = false;
        }
    }

    /// <summary>The highest store sequence number the last commit holds: what a restart would find.</summary>
    public long CommittedSeq { get; private set; }

    /// <summary>Whether anything was applied or reset since the last commit.</summary>
    public bool HasUncommittedChanges { get; private set; }

    /// <summary>Whether anything was applied or reset since the last refresh (new searches do not see it yet).</summary>
    public bool HasUnsearchableChanges { get; private set; }

    /// <summary>
    /// Gives up the writer after a fault of the index's files (a write refused, a flush that failed), dropping what
    /// was not committed: buffered documents may have been lost in the failed flush. Searches go on from the searcher
    /// in hand; the catalog then opens the folder again from its last commit (<see cref="IndexCatalog.Reopen"/>).
    /// </summary>
    public void AbandonWriter()
    {
        lock (_writeLock)
        {
            try
            {
                _writer?.Rollback();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                // Rolling back only deletes files of the failed attempt; a folder that refuses that is no worse for it.
            }
        }
    }

    /// <summary>
    /// Merges the index into one segment (dropping deleted documents), commits and refreshes: each query term is then
    /// looked up once instead of once per segment. Writes may go on meanwhile; it takes seconds per 100,000 statements.
    /// </summary>
    public void Optimize()
    {
        Writer.ForceMerge(1);
        Commit();
        Refresh();
    }

    /// <summary>Segments the searchable index is made of now.</summary>
    public int SegmentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    /// <summary>Makes applied changes visible to new searches (near-real-time, without a commit).</summary>
    public void Refresh()
    {
        long applied;
        lock (_writeLock)
        {
            applied = IndexedSeq;
            HasUnsearchableChanges = false;
        }
        try
        {
            _searchers.MaybeRefreshBlocking();
        }
        catch
        {
            lock (_writeLock) HasUnsearchableChanges = true;
            throw;
        }
        // What was applied before the refresh began is searchable now.
        Interlocked.Exchange(ref _searchableSeq, applied);
    }

    public SearcherLease Acquire() => new(_searchers, _searchers.Acquire());

    /// <summary>How long a superseded snapshot stays available to cursors pinned to it.</summary>
    public TimeSpan SnapshotLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The current index snapshot, recorded so that later pages of a result list can search exactly the same one; or,
    /// given the version of an earlier snapshot, that snapshot again. Null when that snapshot has expired.
    /// </summary>
    public Snapshot? OpenSnapshot(long? version = null)
    {
        if (version is { } pinned)
        {
            var old = _snapshots.Acquire(pinned);
            return old is null ? null : new Snapshot(old, pinned, () => _snapshots.Release(old));
        }
        PruneSnapshots();
        var current = _searchers.Acquire();
        try
        {
            return new Snapshot(current, _snapshots.Record(current), () => _searchers.Release(current));
        }
        catch
        {
            _searchers.Release(current);
            throw;
        }
    }

    // Superseded snapshots are dropped once they have been out of date for SnapshotLifetime; checked at most once a minute.
    private void PruneSnapshots()
    {
        var now = _clock.GetUtcNow().UtcTicks;
        if (now - Interlocked.Read(ref _lastPrune) < TimeSpan.TicksPerMinute) return;
        Interlocked.Exchange(ref _lastPrune, now);
        _snapshots.Prune(new SearcherLifetimeManager.PruneByAge(SnapshotLifetime.TotalSeconds));
    }

    public int DocumentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>Bytes on disk of the files the index is made of (files being merged away may briefly add to them).</summary>
    public long SizeInBytes()
    {
        long total = 0;
        foreach (var file in _directory.ListAll())
        {
            // A file can vanish between listing and measuring while a merge commits.
            try { total += _directory.FileLength(file); }
            catch (FileNotFoundException) { }
        }
        return total;
    }

    public void Dispose()
    {
        _snapshots.Dispose();
        _searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Gives every searcher the similarity the index was written with.</summary>
internal sealed class RankingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Ranking.Similarity };
}

/// <summary>One point-in-time view of the index, with the version a cursor can pin; dispose to give it back.</summary>
public sealed class Snapshot(IndexSearcher searcher, long version, Action release) : IDisposable
{
    private int _released;

    public IndexSearcher Searcher { get; } = searcher;

    public long Version { get; } = version;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) release();
    }
}

/// <summary>A searcher borrowed from the manager; dispose to give it back.</summary>
public readonly struct SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => manager.Release(Searcher);
}
