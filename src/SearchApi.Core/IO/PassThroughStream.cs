namespace SearchApi.Core.IO;

/// <summary>
/// A stream that reads from or writes to another one, for the streams that only watch what passes: one that counts
/// and limits a request body, one that reports how far a file has been read, one that hashes an export. Subclasses
/// see each read's bytes (<see cref="Read(int)"/>) or each write's (<see cref="Written"/>).
/// </summary>
public abstract class PassThroughStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    /// <summary>Called after each read with how many bytes it gave; may throw to stop the reader.</summary>
    protected virtual int Read(int count) => count;

    /// <summary>Called with each write's bytes before they are passed on.</summary>
    protected virtual void Written(ReadOnlySpan<byte> bytes)
    {
    }

    public override bool CanRead => Inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => Inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(Inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Read(await Inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Written(buffer.AsSpan(offset, count));
        Inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Inner.Dispose();
        base.Dispose(disposing);
    }
}
