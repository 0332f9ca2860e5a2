using Lucene.Net.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SearchApi.Core.Indexing;

/// <summary>
/// The index folder: generations of the index (gen-1, gen-2, …) and a CURRENT file naming the one in service. A
/// rebuild writes a new generation while the current one keeps serving, then swaps; the old generation is closed and
/// deleted once searches that began on it have had time to finish. An unreadable generation is replaced by an empty one.
/// </summary>
public sealed class IndexCatalog : IDisposable
{
    private const string Pointer = "CURRENT";
    private static readonly TimeSpan RetireAfter = TimeSpan.FromSeconds(30);

    private readonly string _root;
    private readonly Func<Analyzer> _analyzer;
    private readonly ILogger _logger;
    private readonly TimeSpan _snapshotLifetime;
    private readonly System.Threading.Lock _swapLock = new();
    private StatementIndex _current;
    private string _currentFolder;

    private IndexCatalog(string root, Func<Analyzer> analyzer, ILogger logger, TimeSpan snapshotLifetime)
    {
        _root = root;
        _analyzer = analyzer;
        _logger = logger;
        _snapshotLifetime = snapshotLifetime;
        Directory.CreateDirectory(root);
        _currentFolder = ReadPointer() ?? NextGeneration();
        _current = OpenOrReplace(_currentFolder);
        WritePointer(_currentFolder);
        RemoveStrayFolders();
    }

    /// <param name="snapshotLifetime">How long a superseded snapshot stays available to cursors (default 10 minutes).</param>
    public static IndexCatalog Open(string root, Func<Analyzer> analyzer, ILogger? logger = null, TimeSpan? snapshotLifetime = null) =>
        new(root, analyzer, logger ?? NullLogger.Instance, snapshotLifetime ?? TimeSpan.FromMinutes(10));

    /// <summary>The generation in service, opened for searching only, beside a running service that writes it.</summary>
    public static IndexCatalog OpenReadOnly(string root, Func<Analyzer> analyzer) => new(root, analyzer);

    // Read-only: no pointer written, nothing removed, no recovery.
    private IndexCatalog(string root, Func<Analyzer> analyzer)
    {
        _root = root;
        _analyzer = analyzer;
        _logger = NullLogger.Instance;
        _snapshotLifetime = TimeSpan.FromMinutes(10);
        _currentFolder = ReadPointer() ?? throw new DirectoryNotFoundException($"No index in {root}.");
        _current = StatementIndex.OpenReadOnly(Path.Combine(root, _currentFolder), analyzer());
    }

    /// <summary>The index in service. Fetch it per operation: a rebuild replaces it.</summary>
    public StatementIndex Current => Volatile.Read(ref _current);

    /// <summary>True when the index in service had to be replaced by an empty one because its files could not be read.</summary>
    public bool RecoveredFromDamage { get; private set; }

    /// <summary>A new, empty generation to build next to the one in service.</summary>
    public (StatementIndex Index, string Folder) CreateGeneration()
    {
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
            _currentFolder = folder;
        }
        _logger.LogInformation("Index generation {Folder} is in service; {Old} retires", folder, oldFolder);
        _ = Task.Delay(RetireAfter).ContinueWith(_ => Retire(old, oldFolder), TaskScheduler.Default);
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
        var index = StatementIndex.Open(path, _analyzer());
        index.SnapshotLifetime = _snapshotLifetime;
        return index;
    }

    private string? ReadPointer()
    {
        var pointer = Path.Combine(_root, Pointer);
        if (!File.Exists(pointer)) return null;
        var folder = File.ReadAllText(pointer).Trim();
        return folder.StartsWith("gen-", StringComparison.Ordinal) && !folder.Contains('/') && !folder.Contains("..", StringComparison.Ordinal) ? folder : null;
    }

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
            if (Path.GetFileName(file) != Pointer) TryDelete(() => File.Delete(file));
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

    public void Dispose() => Current.Dispose();
}
