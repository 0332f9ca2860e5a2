using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace SearchApi.Core.Parsing;

/// <summary>
/// Strict UTF-8 decoding, the same for every way text comes in: bytes that are not UTF-8 (including encoded
/// surrogates) are refused with the offset of the first bad byte, never silently replaced by U+FFFD. A byte-order mark
/// at the start is dropped.
/// </summary>
public static class Utf8Text
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The text, or null with <paramref name="badByte"/> set to the offset of the first byte that is not UTF-8.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out long badByte)
    {
        var skipped = bytes.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var source = bytes[skipped..];
        badByte = -1;
        if (Utf8.IsValid(source)) return Encoding.UTF8.GetString(source);
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, source.Length));
        try
        {
            Utf8.ToUtf16(source, buffer, out var read, out _, replaceInvalidSequences: false);
            badByte = skipped + read;
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Why bytes were refused, for problem documents and rejected lines.</summary>
    public static string Problem(string what, long badByte) =>
        $"{what} is not valid UTF-8 text (the byte at offset {badByte} is not); send UTF-8, without encoded surrogates.";
}
