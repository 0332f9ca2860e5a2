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
}

/// <summary>
/// Opaque paging cursors: the position after the last hit and a fingerprint of the request, signed with HMAC-SHA256
/// so that a tampered or forged cursor is rejected rather than silently paging somewhere else.
/// </summary>
public sealed class CursorCodec(byte[] key)
{
    private const byte Version = 1;
    private const int FingerprintLength = 8;
    private const int MacLength = 16;
    private const int MaxIdBytes = 512;

    public string Encode(SearchPosition position, byte[] fingerprint)
    {
        var id = Encoding.UTF8.GetBytes(position.Id);
        var payload = new byte[1 + FingerprintLength + 4 + 4 + id.Length];
        payload[0] = Version;
        fingerprint.AsSpan(0, FingerprintLength).CopyTo(payload.AsSpan(1));
        BinaryPrimitives.WriteSingleLittleEndian(payload.AsSpan(1 + FingerprintLength), position.Score);
        BinaryPrimitives.WriteInt32LittleEndian(payload.AsSpan(1 + FingerprintLength + 4), position.Days);
        id.CopyTo(payload.AsSpan(1 + FingerprintLength + 8));
        var mac = HMACSHA256.HashData(key, payload).AsSpan(0, MacLength);
        return Base64Url.Encode([.. payload, .. mac]);
    }

    public CursorError TryDecode(string cursor, byte[] fingerprint, out SearchPosition? position)
    {
        position = null;
        if (cursor.Length > 1_024 || !Base64Url.TryDecode(cursor, out var bytes)) return CursorError.Invalid;
        const int fixedLength = 1 + FingerprintLength + 8;
        if (bytes.Length < fixedLength + 1 + MacLength || bytes.Length > fixedLength + MaxIdBytes + MacLength) return CursorError.Invalid;
        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var expectedMac = HMACSHA256.HashData(key, payload).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expectedMac, bytes.AsSpan(bytes.Length - MacLength)) || payload[0] != Version)
            return CursorError.Invalid;
        if (!payload.Slice(1, FingerprintLength).SequenceEqual(fingerprint.AsSpan(0, FingerprintLength))) return CursorError.Mismatch;
        position = new SearchPosition(
            BinaryPrimitives.ReadSingleLittleEndian(payload[(1 + FingerprintLength)..]),
            BinaryPrimitives.ReadInt32LittleEndian(payload[(1 + FingerprintLength + 4)..]),
            Encoding.UTF8.GetString(payload[fixedLength..]));
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

    private static class Base64Url
    {
        public static string Encode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

        public static bool TryDecode(string text, out byte[] bytes)
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
}
