using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace SearchApi.Core.Parsing;

/// <summary>One line of a JSON Lines stream: its number (from 1) and its bytes; null bytes when the line was longer than allowed (its bytes were dropped as they came).</summary>
public readonly record struct JsonLine(int Number, byte[]? Bytes);

/// <summary>
/// Splits a stream of JSON Lines into lines as the bytes arrive, never holding more than one line: the reader behind
/// bulk uploads and .jsonl files alike. Blank lines are counted but not returned.
/// </summary>
public static class JsonLines
{
    public static async IAsyncEnumerable<JsonLine> ReadAsync(Stream stream, int maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var number = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                var lines = new List<JsonLine>();
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    number++;
                    if (Line(buffer.Slice(0, end), number, maxLineBytes, skipping) is { } line) lines.Add(line);
                    skipping = false;
                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }
                if (buffer.Length > maxLineBytes)
                {
                    // Too long to hold: drop what has come of this line and report it when its end arrives.
                    skipping = true;
                    buffer = buffer.Slice(buffer.End);
                }
                if (read.IsCompleted && (buffer.Length > 0 || skipping))
                {
                    number++;
                    if (Line(buffer, number, maxLineBytes, skipping) is { } last) lines.Add(last);
                    buffer = buffer.Slice(buffer.End);
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                // Lines are handed out once the pipe has let go of their bytes (they are copies).
                foreach (var line in lines) yield return line;
                if (read.IsCompleted) yield break;
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static JsonLine? Line(ReadOnlySequence<byte> bytes, int number, int maxLineBytes, bool skipped)
    {
        if (skipped || bytes.Length > maxLineBytes) return new JsonLine(number, null);
        return IsBlank(bytes) ? null : new JsonLine(number, bytes.ToArray());
    }

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
            if (segment.Span.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') >= 0) return false;
        return true;
    }
}
