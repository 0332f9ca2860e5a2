using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SearchApi.Core.Search;

public enum CursorError
{
    None,
    /// <summary>Not a cursor this service issued: bad encoding, wrong length or a signature that does not verify.</summary>
    Invalid,
    /// <summary>A genuine cursor, but for another query, filter set or sort.</summary>
    Mismatch,
    /// <summary>A genuine cursor whose index snapshot is gone: another process issued it, or it was unused too long.</summary>
    Expired,
}

/// <summary>Where the next page starts: the index snapshot the walk is pinned to and the last hit's sort values.</summary>
public sealed record Cursor(long Snapshot, SearchPosition Position);

/// <summary>
/// Opaque paging cursors: the index snapshot, the position after the last hit and a fingerprint of the request,
/// signed with HMAC-SHA256 so that a tampered or forged cursor is rejected rather than silently paging somewhere else.
/// Snapshots live in one process: a cursor names the process (<paramref name="instance"/>) that can serve it.
/// </summary>
public sealed class CursorCodec(byte[] key, long instance)
{
    private const byte Version = 3;
    private const int FingerprintLength = 8;
    private const int MacLength = 16;
    // version, instance, snapshot, fingerprint, score, days, document number
    private const int PayloadLength = 1 + 8 + 8 + FingerprintLength + 4 + 4 + 4;

    public string Encode(Cursor cursor, byte[] fingerprint)
    {
        var payload = new byte[PayloadLength];
        var span = payload.AsSpan();
        span[0] = Version;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], instance);
        BinaryPrimitives.WriteInt64LittleEndian(span[9..], cursor.Snapshot);
        fingerprint.AsSpan(0, FingerprintLength).CopyTo(span[17..]);
        BinaryPrimitives.WriteSingleLittleEndian(span[(17 + FingerprintLength)..], cursor.Position.Score);
        BinaryPrimitives.WriteInt32LittleEndian(span[(21 + FingerprintLength)..], cursor.Position.Days);
        BinaryPrimitives.WriteInt32LittleEndian(span[(25 + FingerprintLength)..], cursor.Position.Doc);
        var mac = HMACSHA256.HashData(key, payload).AsSpan(0, MacLength);
        return System.Buffers.Text.Base64Url.EncodeToString([.. payload, .. mac]);
    }

    public CursorError TryDecode(string text, byte[] fingerprint, out Cursor? cursor)
    {
        cursor = null;
        if (text.Length > 1_024 || !TryDecodeBase64Url(text, out var bytes)) return CursorError.Invalid;
        if (bytes.Length != PayloadLength + MacLength) return CursorError.Invalid;
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var expectedMac = HMACSHA256.HashData(key, payload).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, bytes.AsSpan(bytes.Length - MacLength)) || payload[0] != Version)
            return CursorError.Invalid;
        if (!payload.Slice(17, FingerprintLength).SequenceEqual(fingerprint.AsSpan(0, FingerprintLength))) return CursorError.Mismatch;
        if (BinaryPrimitives.ReadInt64LittleEndian(payload[1..]) != instance) return CursorError.Expired;
        cursor = new Cursor(
            BinaryPrimitives.ReadInt64LittleEndian(payload[9..]),
            new SearchPosition(
                BinaryPrimitives.ReadSingleLittleEndian(payload[(17 + FingerprintLength)..]),
                BinaryPrimitives.ReadInt32LittleEndian(payload[(21 + FingerprintLength)..]),
                BinaryPrimitives.ReadInt32LittleEndian(payload[(25 + FingerprintLength)..])));
        return CursorError.None;
    }

    /// <summary>A digest of what defines a result list (query, filters, sort): a cursor only continues the list it came from.</summary>
    public static byte[] Fingerprint(string query, SearchFilters filters, SearchSort sort)
    {
        var text = new StringBuilder()
            .Append(query.Trim()).Append('\u001F')
            .AppendJoin(',', filters.Langs.Order(StringComparer.Ordinal)).Append('\u001F')
            .AppendJoin(',', filters.Sources.Order(StringComparer.Ordinal)).Append('\u001F')
            .AppendJoin(',', filters.Kinds.Order(StringComparer.Ordinal)).Append('\u001F')
            .Append(filters.From?.DayNumber).Append('\u001F')
            .Append(filters.To?.DayNumber).Append('\u001F')
            .AppendJoin(',', filters.People.Concat(filters.Organizations).Concat(filters.Places).Order(StringComparer.Ordinal)).Append('\u001F')
            .Append((int)sort);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..FingerprintLength];
    }

    private static bool TryDecodeBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
