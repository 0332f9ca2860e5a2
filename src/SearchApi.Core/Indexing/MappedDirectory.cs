using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace SearchApi.Core.Indexing;

/// <summary>
/// An index folder read through memory maps by plain pointers. Lucene.Net's own MMapDirectory registers every clone of
/// an input in a ConditionalWeakTable (to invalidate clones when a file is unmapped); a search clones inputs hundreds
/// of times, and the table's locks and finalizers cost more than the search itself (about a quarter of all CPU time
/// under load). Here a clone is a copy of a pointer and a position; a file stays mapped until its original input is
/// disposed, which Lucene does only once no reader uses the segment.
/// </summary>
public sealed class MappedDirectory(DirectoryInfo path) : FSDirectory(path)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        return MappedInput.Open(Path.Combine(Directory.FullName, name));
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(MappedInput.Open(Path.Combine(Directory.FullName, name)));
    }

    /// <summary>Parts of one mapped file, as compound files are read.</summary>
    private sealed class Slicer(MappedInput whole) : IndexInputSlicer
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

/// <summary>One mapped file (or a slice of it), read by pointer. Big-endian, as Lucene writes.</summary>
internal sealed unsafe class MappedInput : IndexInput
{
    private readonly Mapping _mapping;
    private readonly byte* _start;
    private readonly long _length;
    private long _position;
    private bool _isClone;

    private MappedInput(string description, Mapping mapping, byte* start, long length, bool isClone) : base(description)
    {
        _mapping = mapping;
        _start = start;
        _length = length;
        _isClone = isClone;
    }

    public static MappedInput Open(string file)
    {
        var mapping = Mapping.Open(file);
        return new MappedInput($"MappedInput(path=\"{file}\")", mapping, mapping.Pointer, mapping.Length, isClone: false);
    }

    public MappedInput Slice(string description, long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > _length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"slice {offset}+{length} is outside {this} of length {_length}");
        _mapping.EnsureOpen(this);
        return new MappedInput($"{this} [slice={description}]", _mapping, _start + offset, length, isClone: true);
    }

    public override long Position => _position;

    public override long Length => _length;

    public override void Seek(long pos)
    {
        if (pos < 0 || pos > _length) throw new EndOfStreamException($"seek to {pos} past the end of {this} ({_length})");
        _mapping.EnsureOpen(this);
        _position = pos;
    }

    public override byte ReadByte()
    {
        if (_position >= _length) throw new EndOfStreamException($"read past the end of {this}");
        return _start[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len)
    {
        new ReadOnlySpan<byte>(Take(len), len).CopyTo(b.AsSpan(offset, len));
    }

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(Take(2), 2));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(Take(4), 4));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(Take(8), 8));

    public override int ReadVInt32()
    {
        // Fast path: the whole value is inside the file, so no byte needs its own bounds check.
        if (_length - _position < 5) return base.ReadVInt32();
        var p = _start + _position;
        int b = *p++;
        var value = b & 0x7F;
        for (var shift = 7; b > 0x7F && shift <= 28; shift += 7)
        {
            b = *p++;
            value |= (b & 0x7F) << shift;
        }
        if (b > 0x7F) throw new IOException($"Invalid VInt32 in {this}");
        _position = p - _start;
        return value;
    }

    public override long ReadVInt64()
    {
        if (_length - _position < 9) return base.ReadVInt64();
        var p = _start + _position;
        long b = *p++;
        var value = b & 0x7F;
        for (var shift = 7; b > 0x7F && shift <= 56; shift += 7)
        {
            b = *p++;
            value |= (b & 0x7F) << shift;
        }
        if (b > 0x7F) throw new IOException($"Invalid VInt64 in {this}");
        _position = p - _start;
        return value;
    }

    public override void SkipBytes(long numBytes) => Seek(_position + numBytes);

    // The next count bytes, advancing past them.
    private byte* Take(int count)
    {
        if (count < 0 || _position + count > _length) throw new EndOfStreamException($"read past the end of {this}");
        var at = _start + _position;
        _position += count;
        return at;
    }

    public override object Clone()
    {
        _mapping.EnsureOpen(this);
        var clone = (MappedInput)base.Clone();
        clone._isClone = true;
        return clone;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_isClone) _mapping.Dispose();
    }

    /// <summary>The mapped view of one file, shared by an input, its clones and slices; unmapped by the original input.</summary>
    private sealed class Mapping : IDisposable
    {
        private readonly MemoryMappedFile? _file;
        private readonly MemoryMappedViewAccessor? _view;
        private int _closed;

        private Mapping(MemoryMappedFile? file, MemoryMappedViewAccessor? view, byte* pointer, long length)
        {
            _file = file;
            _view = view;
            Pointer = pointer;
            Length = length;
        }

        public byte* Pointer { get; }

        public long Length { get; }

        public static Mapping Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            // An empty file cannot be mapped, and needs no mapping.
            if (stream.Length == 0) return new Mapping(null, null, null, 0);
            var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
            try
            {
                var view = file.CreateViewAccessor(0, stream.Length, MemoryMappedFileAccess.Read);
                byte* pointer = null;
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                return new Mapping(file, view, pointer + view.PointerOffset, stream.Length);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }

        public void EnsureOpen(MappedInput input)
        {
            if (Volatile.Read(ref _closed) != 0) throw new ObjectDisposedException(input.ToString(), "The file was closed.");
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0 || _view is null) return;
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file!.Dispose();
        }
    }
}
