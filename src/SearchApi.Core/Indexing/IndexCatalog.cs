using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SearchApi.Core.Indexing;

/// <summary>
/// The index folder: generations of the index (gen-1, gen-2, …) and a CURRENT file naming the one in service. A
/// rebuild writes a new generation while the current one keeps serving, then swaps; the old generation is closed and
/// deleted once searches that began on it have had time to finish. An unreadable generation is replaced by an empty one.
/// One process writes an index: the catalog holds an operating-system lock on the folder's owner.lock for its lifetime,
/// so a second writer (an operator's ingest beside the service) is refused, whatever Lucene's own lock would say.
/// </summary>
public sealed class IndexCatalog : IDisposable
{
    private const string Pointer = "CURRENT";
    private const string OwnerLock = "owner.lock";
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly Func<Analyzer> _analyzer;
    private readonly ILogger _logger;
    private readonly TimeSpan _snapshotLifetime;
    private readonly IndexPageCache _cache;
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _swapLock = new();
    private StatementIndex _current;
    private string _currentFolder;
    private FileStream? _ownership;
    private string? _damage;

    private IndexCatalog(string root, Func<Analyzer> analyzer, ILogger logger, TimeSpan snapshotLifetime, IndexPageCache cache, TimeProvider clock, Action<string>? seed)
    {
        _clock = clock;
        _root = root;
        _analyzer = analyzer;
        _logger = logger;
        _snapshotLifetime = snapshotLifetime;
        _cache = cache;
        Directory.CreateDirectory(root);
        _ownership = TakeOwnership(root);
        try
        {
            var pointer = ReadPointer();
            _currentFolder = pointer ?? NextGeneration();
            if (pointer is null && seed is not null) Seed(seed, _currentFolder);
            _current = OpenOrReplace(_currentFolder);
            WritePointer(_currentFolder);
            RemoveStrayFolders();
        }
        catch
        {
            _ownership.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The lock that makes this process the index's only writer: an exclusive open of owner.lock, which the operating
    /// system enforces between processes (flock on Linux) and releases when the process ends, however it ends.
    /// </summary>
    private static FileStream TakeOwnership(string root)
    {
        try
        {
            return new FileStream(Path.Combine(root, OwnerLock), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new Lucene.Net.Store.LockObtainFailedException($"The index is held by another process (a running service, or another command): {e.Message}");
        }
    }

    /// <summary>Whether another process holds the index at <paramref name="root"/> for writing now.</summary>
    public static bool IsHeldElsewhere(string root)
    {
        if (!Directory.Exists(root)) return false;
        try
        {
            using var probe = TakeOwnership(root);
            return false;
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            return true;
        }
    }

    /// <summary>Why the index in service cannot be trusted (a file damaged or gone), until a rebuild replaces it; null when it can.</summary>
    public string? Damage => Volatile.Read(ref _damage);

    /// <summary>Marks the index in service as damaged: searches that fail answer index_unavailable and a rebuild from the store replaces it.</summary>
    public void ReportDamage(string reason)
    {
        if (Interlocked.CompareExchange(ref _damage, reason, null) is null)
            _logger.LogError("The index in service is damaged ({Reason}); it will be rebuilt from the store", reason);
    }

    /// <summary>
    /// Runs a read of the index in service. A fault of its files (truncated, damaged, removed) becomes
    /// <see cref="IndexUnavailableException"/> and marks the index damaged, so that it is rebuilt from the store.
    /// </summary>
    public T Read<T>(Func<StatementIndex, T> read)
    {
        var index = Current;
        return Read(index, () => read(index));
    }

    /// <summary>Runs a read of <paramref name="index"/> (one this catalog served), translating faults as <see cref="Read{T}(Func{StatementIndex, T})"/> does.</summary>
    public T Read<T>(StatementIndex index, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw Unavailable(index, e);
        }
    }

    /// <summary>What a failed read of <paramref name="index"/> means: damage, unless the index was retired meanwhile.</summary>
    public IndexUnavailableException Unavailable(StatementIndex index, Exception e)
    {
        // A generation retired by a rebuild while a long read was still on it is not damage: the next read uses the new one.
        if (ReferenceEquals(index, Current) && e is not ObjectDisposedException)
        {
            _logger.LogError(e, "Reading the index failed");
            ReportDamage(DamageOf(e));
        }
        return new IndexUnavailableException("The search index could not be read; it is being rebuilt from the store. Try again shortly.", e);
    }

    /// <summary>What kind of damage an exception shows, in words that name no file or path (health checks are public).</summary>
    public static string DamageOf(Exception e) => e switch
    {
        EndOfStreamException => "a file of the index is shorter than it should be (truncated)",
        Lucene.Net.Index.CorruptIndexException => "a file of the index is damaged (checksum or format)",
        FileNotFoundException or DirectoryNotFoundException => "files of the index are missing (removed?)",
        UnauthorizedAccessException => "the index folder cannot be read or written (permissions)",
        _ => "a file of the index could not be read or written",
    };

    /// <summary>Whether the folder of the generation in service is still on disk (an operator may have removed it).</summary>
    public bool CurrentFolderExists => Directory.Exists(Path.Combine(_root, Volatile.Read(ref _currentFolder)));

    /// <param name="snapshotLifetime">How long a superseded snapshot stays available to cursors (default 10 minutes).</param>
    /// <param name="cache">The pages of index files kept in memory (default: <see cref="IndexPageCache.Default"/>).</param>
    /// <param name="clock">The time snapshots age by.</param>
    /// <param name="seed">
    /// For a new index (no generation yet): fills the first generation's folder from a snapshot of another replica's
    /// index (<see cref="IndexSnapshots"/>), which then catches up from the snapshot's store sequence. When it fails, the
    /// index starts empty and is built from the store as without it.
    /// </param>
    public static IndexCatalog Open(string root, Func<Analyzer> analyzer, ILogger? logger = null, TimeSpan? snapshotLifetime = null, IndexPageCache? cache = null, TimeProvider? clock = null, Action<string>? seed = null) =>
        new(root, analyzer, logger ?? NullLogger.Instance, snapshotLifetime ?? TimeSpan.FromMinutes(10), cache ?? IndexPageCache.Default, clock ?? TimeProvider.System, seed);

    /// <summary>The folder of the generation in service under <paramref name="root"/>; null when there is no index.</summary>
    public static string? CurrentFolderOf(string root)
    {
        var pointer = Path.Combine(root, Pointer);
        if (!File.Exists(pointer)) return null;
        var folder = File.ReadAllText(pointer).Trim();
        return folder.StartsWith("gen-", StringComparison.Ordinal) && !folder.Contains('/') && !folder.Contains("..", StringComparison.Ordinal) ? Path.Combine(root, folder) : null;
    }

    /// <summary>The generation in service, opened for searching only, beside a running service that writes it.</summary>
    public static IndexCatalog OpenReadOnly(string root, Func<Analyzer> analyzer) => new(root, analyzer);

    // Read-only: no pointer written, nothing removed, no recovery.
    private IndexCatalog(string root, Func<Analyzer> analyzer)
    {
        _root = root;
        _analyzer = analyzer;
        _logger = NullLogger.Instance;
        _snapshotLifetime = TimeSpan.FromMinutes(10);
        _cache = IndexPageCache.Default;
        _clock = TimeProvider.System;
        _currentFolder = ReadPointer() ?? throw new DirectoryNotFoundException($"No index in {root}.");
        _current = StatementIndex.OpenReadOnly(Path.Combine(root, _currentFolder), analyzer(), _cache);
    }

    /// <summary>The pages of index files held in memory for this catalog's generations.</summary>
    public IndexPageCache PageCache => _cache;

    /// <summary>The index in service. Fetch it per operation: a rebuild replaces it.</summary>
    public StatementIndex Current => Volatile.Read(ref _current);

    /// <summary>True when the index in service had to be replaced by an empty one because its files could not be read.</summary>
    public bool RecoveredFromDamage { get; private set; }

    /// <summary>A new, empty generation to build next to the one in service.</summary>
    public (StatementIndex Index, string Folder) CreateGeneration()
    {
        // The whole index folder may have been removed while serving: bring it and the owner lock back.
        if (!Directory.Exists(_root) || !File.Exists(Path.Combine(_root, OwnerLock)))
        {
            Directory.CreateDirectory(_root);
            _ownership?.Dispose();
            _ownership = TakeOwnership(_root);
        }
        var folder = NextGeneration();
        return (Open(Path.Combine(_root, folder)), folder);
    }

    /// <summary>Puts a built generation in service; the previous one is retired after in-flight searches had time to end.</summary>
    public void Swap(StatementIndex index, string folder)
    {
        StatementIndex old;
        string oldFolder;
        lock (_swapLock)
        {
            WritePointer(folder);
            old = _current;
            oldFolder = _currentFolder;
            Volatile.Write(ref _current, index);
            Volatile.Write(ref _currentFolder, folder);
            Volatile.Write(ref _damage, null);
        }
        _logger.LogInformation("Index generation {Folder} is in service; {Old} retires", folder, oldFolder);
        _ = Task.Delay(RetireAfter).ContinueWith(_ => Retire(old, oldFolder), TaskScheduler.Default);
    }

    /// <summary>
    /// Opens the generation in service again from its last commit, after its writer was given up
    /// (<see cref="StatementIndex.AbandonWriter"/>): the new instance takes over at once, the old one's searches finish
    /// on it. Throws while the folder still cannot be opened for writing; the old instance keeps answering meanwhile.
    /// </summary>
    public void Reopen()
    {
        lock (_swapLock)
        {
            var old = _current;
            var fresh = Open(Path.Combine(_root, _currentFolder));
            Volatile.Write(ref _current, fresh);
            _logger.LogInformation("Index generation {Folder} reopened from its last commit (sequence {Seq})", _currentFolder, fresh.IndexedSeq);
            _ = Task.Delay(RetireAfter).ContinueWith(_ => old.Dispose(), TaskScheduler.Default);
        }
    }

    /// <summary>Gives up a generation that was built but not put in service.</summary>
    public void Discard(StatementIndex index, string folder) => Retire(index, folder);

    private void Retire(StatementIndex index, string folder)
    {
        try
        {
            index.Dispose();
            Directory.Delete(Path.Combine(_root, folder), recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "Could not remove retired index generation {Folder}", folder);
        }
    }

    private void Seed(Action<string> seed, string folder)
    {
        var path = Path.Combine(_root, folder);
        var started = _clock.GetTimestamp();
        try
        {
            seed(path);
            _logger.LogInformation("The new index starts from a snapshot ({Megabytes:N0} MB in {Seconds:N1} s)",
                Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length) / 1048576.0, _clock.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning(e, "The index snapshot could not be copied; the index is built from the store instead");
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }

    private StatementIndex OpenOrReplace(string folder)
    {
        var path = Path.Combine(_root, folder);
        try
        {
            return Open(path);
        }
        // Another process holding the write lock is not damage: let that fail the start instead.
        catch (Exception e) when (e is not Lucene.Net.Store.LockObtainFailedException
            && e is IOException or Lucene.Net.Index.CorruptIndexException or InvalidOperationException or Lucene.Net.Index.IndexFormatTooOldException or Lucene.Net.Index.IndexFormatTooNewException)
        {
            _logger.LogWarning(e, "The index generation {Folder} cannot be read; it is replaced by an empty one and rebuilt from the store", folder);
            RecoveredFromDamage = true;
            Directory.Delete(path, recursive: true);
            return Open(path);
        }
    }

    private StatementIndex Open(string path)
    {
        var index = StatementIndex.Open(path, _analyzer(), _cache, _clock);
        index.SnapshotLifetime = _snapshotLifetime;
        return index;
    }

    private string? ReadPointer() => CurrentFolderOf(_root) is { } path ? Path.GetFileName(path) : null;

    // Written to a temporary file and renamed over CURRENT, so a crash leaves the old pointer or the new one.
    private void WritePointer(string folder)
    {
        var temporary = Path.Combine(_root, Pointer + ".tmp");
        File.WriteAllText(temporary, folder);
        File.Move(temporary, Path.Combine(_root, Pointer), overwrite: true);
    }

    private string NextGeneration()
    {
        var highest = Directory.EnumerateDirectories(_root, "gen-*")
            .Select(d => int.TryParse(Path.GetFileName(d)[4..], out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"gen-{highest + 1}";
    }

    // Generations left by an interrupted rebuild, and files of older layouts, are not in service: remove them.
    private void RemoveStrayFolders()
    {
        foreach (var folder in Directory.EnumerateDirectories(_root))
            if (Path.GetFileName(folder) != _currentFolder) TryDelete(() => Directory.Delete(folder, recursive: true));
        foreach (var file in Directory.EnumerateFiles(_root))
            if (Path.GetFileName(file) is not (Pointer or OwnerLock)) TryDelete(() => File.Delete(file));
    }

    private void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Could not remove a stray file in {Root}", _root);
        }
    }

    public void Dispose()
    {
        Current.Dispose();
        _ownership?.Dispose();
    }
}
