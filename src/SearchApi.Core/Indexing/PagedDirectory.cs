using System.Buffers.Binary;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace SearchApi.Core.Indexing;

/// <summary>
/// An index folder read through <see cref="IndexPageCache"/>: pages are read with positional reads (pread) and then
/// served from memory. Why not a memory map, which Lucene uses and which is as fast: a mapped file that is truncated or
/// damaged under the process faults it (SIGBUS), and .NET cannot catch that — one damaged file would kill the service.
/// Here it is an <see cref="EndOfStreamException"/> for the read that met it (answered 503 index_unavailable, and the
/// index is rebuilt from the store). A clone of an input is a position and a page reference: it costs nothing.
/// </summary>
public sealed class PagedDirectory(DirectoryInfo path, IndexPageCache cache) : FSDirectory(path)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return PagedInput.Open(Path.Combine(Directory.FullName, name), cache);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(PagedInput.Open(Path.Combine(Directory.FullName, name), cache));
    }

    /// <summary>Parts of one file, as compound files are read.</summary>
    private sealed class Slicer(PagedInput whole) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) => whole.Slice(sliceDescription, offset, length);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => (IndexInput)whole.Clone();

        protected override void Dispose(bool disposing)
        {
            if (disposing) whole.Dispose();
        }
    }
}

/// <summary>One open index file: its handle, and its pages as far as <see cref="IndexPageCache"/> holds them.</summary>
internal sealed class CachedFile : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly IndexPageCache _cache;
    private readonly byte[]?[] _pages;
    private readonly byte[] _used;
    private int _disposed;

    private CachedFile(SafeFileHandle handle, string path, long length, IndexPageCache cache)
    {
        _handle = handle;
        _cache = cache;
        Path = path;
        Length = length;
        var pages = (int)((length + IndexPageCache.PageSize - 1) / IndexPageCache.PageSize);
        _pages = new byte[]?[pages];
        _used = new byte[pages];
    }

    public static CachedFile Open(string path, IndexPageCache cache)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);
        try
        {
            return new CachedFile(handle, path, RandomAccess.GetLength(handle), cache);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>The length the file had when it was opened (Lucene's files never change once written).</summary>
    public long Length { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The page with this number, from memory or read now.</summary>
    public byte[] Page(int index)
    {
        if (Volatile.Read(ref _pages[index]) is { } page)
        {
            if (_used[index] == 0) _used[index] = 1;
            return page;
        }
        return Load(index);
    }

    private byte[] Load(int index)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var start = (long)index * IndexPageCache.PageSize;
        var page = GC.AllocateUninitializedArray<byte>((int)Math.Min(IndexPageCache.PageSize, Length - start));
        var filled = 0;
        while (filled < page.Length)
        {
            var read = RandomAccess.Read(_handle, page.AsSpan(filled), start + filled);
            // Shorter than when it was opened: truncated or damaged under us.
            if (read <= 0) throw new EndOfStreamException($"{Path} ended at offset {start + filled}, before its length {Length}: the file was truncated");
            filled += read;
        }
        // Another reader may have loaded it meanwhile: everyone keeps the first.
        if (Interlocked.CompareExchange(ref _pages[index], page, null) is { } first) return first;
        _cache.Added(this, index, page.Length);
        return page;
    }

    /// <summary>Whether the page was used since the cache last looked, clearing the mark.</summary>
    public bool TakeUsedMark(int index)
    {
        if (_used[index] == 0) return false;
        _used[index] = 0;
        return true;
    }

    public void Evict(int index)
    {
        if (Interlocked.Exchange(ref _pages[index], null) is { } page) _cache.Removed(page.Length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        for (var i = 0; i < _pages.Length; i++) Evict(i);
        _handle.Dispose();
    }

    public override string ToString() => Path;
}

/// <summary>An index file (or a slice of it) read from cached pages. Big-endian, as Lucene writes.</summary>
internal sealed class PagedInput : IndexInput
{
    private readonly CachedFile _file;
    private readonly long _start;
    private readonly long _length;
    private long _position;
    private byte[]? _page;
    private long _pageStart = -1;
    private bool _isClone;

    private PagedInput(string description, CachedFile file, long start, long length, bool isClone) : base(description)
    {
        _file = file;
        _start = start;
        _length = length;
        _isClone = isClone;
    }

    public static PagedInput Open(string path, IndexPageCache cache)
    {
        var file = CachedFile.Open(path, cache);
        return new PagedInput($"PagedInput(path=\"{path}\")", file, 0, file.Length, isClone: false);
    }

    public PagedInput Slice(string description, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > _length)
            throw new EndOfStreamException($"slice {offset}+{length} is outside {this} of length {_length}");
        return new PagedInput($"{this} [slice={description}]", _file, _start + offset, length, isClone: true);
    }

    public override long Length => _length;

    public override long Position => _position;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length) throw new EndOfStreamException($"seek to {pos} outside {this} ({_length})");
        _position = pos;
    }

    // The bytes of the current page from the position on (loading the page that holds it), and how many of them
    // still belong to this input.
    private ReadOnlySpan<byte> Here(out int available)
    {
        var absolute = _start + _position;
        var offset = absolute - _pageStart;
        if (_page is null || (ulong)offset >= (ulong)_page.Length)
        {
            var index = (int)(absolute / IndexPageCache.PageSize);
            _page = _file.Page(index);
            _pageStart = (long)index * IndexPageCache.PageSize;
            offset = absolute - _pageStart;
        }
        available = (int)Math.Min(_page.Length - offset, _length - _position);
        return _page.AsSpan((int)offset);
    }

    public override byte ReadByte()
    {
        if (_position >= _length) throw new EndOfStreamException($"read past the end of {this}");
        var b = Here(out _)[0];
        _position++;
        return b;
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        if (len < 0 || _position + len > _length) throw new EndOfStreamException($"read past the end of {this}");
        while (len > 0)
        {
            var here = Here(out var available);
            var take = Math.Min(len, available);
            here[..take].CopyTo(b.AsSpan(offset, take));
            _position += take;
            offset += take;
            len -= take;
        }
    }

    public override short ReadInt16() => _position + 2 <= _length && Here(out var n) is var span && n >= 2
        ? Advance(BinaryPrimitives.ReadInt16BigEndian(span), 2)
        : base.ReadInt16();

    public override int ReadInt32() => _position + 4 <= _length && Here(out var n) is var span && n >= 4
        ? Advance(BinaryPrimitives.ReadInt32BigEndian(span), 4)
        : base.ReadInt32();

    public override long ReadInt64() => _position + 8 <= _length && Here(out var n) is var span && n >= 8
        ? Advance(BinaryPrimitives.ReadInt64BigEndian(span), 8)
        : base.ReadInt64();

    public override int ReadVInt32()
    {
        // Fast path: the whole value is in the current page.
        if (_position >= _length) throw new EndOfStreamException($"read past the end of {this}");
        var span = Here(out var available);
        if (available < 5) return base.ReadVInt32();
        int b = span[0];
        var value = b & 0x7F;
        var i = 1;
        for (var shift = 7; b > 0x7F && shift <= 28; shift += 7)
        {
            b = span[i++];
            value |= (b & 0x7F) << shift;
        }
        if (b > 0x7F) throw new IOException($"Invalid VInt32 in {this}");
        _position += i;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_position >= _length) throw new EndOfStreamException($"read past the end of {this}");
        var span = Here(out var available);
        if (available < 9) return base.ReadVInt64();
        long b = span[0];
        var value = b & 0x7F;
        var i = 1;
        for (var shift = 7; b > 0x7F && shift <= 56; shift += 7)
        {
            b = span[i++];
            value |= (b & 0x7F) << shift;
        }
        if (b > 0x7F) throw new IOException($"Invalid VInt64 in {this}");
        _position += i;
        return value;
    }

    private T Advance<T>(T value, int bytes)
    {
        _position += bytes;
        return value;
    }

    public override void SkipBytes(long numBytes) => Seek(_position + numBytes);

    public override object Clone()
    {
        var clone = (PagedInput)base.Clone();
        clone._isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isClone) _file.Dispose();
    }
}
