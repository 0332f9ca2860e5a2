using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SearchApi.Core.Search;

public enum CursorError
{
    /// <summary>Not a cursor this service issued: bad encoding, wrong length or kind, or a signature that does not verify.</summary>
    Invalid,
    /// <summary>A genuine search cursor, but for another query, filter set or sort.</summary>
    Mismatch,
    /// <summary>A genuine search cursor whose index snapshot is gone: another process issued it, or it was unused too long.</summary>
    Expired,
}

/// <summary>A cursor that cannot be used, and why; the web host answers each kind with its own problem code.</summary>
public sealed class CursorException(CursorError error) : Exception(error switch
{
    CursorError.Mismatch => "cursor was issued for another q, filter or sort; pass the same ones as for the first page.",
    CursorError.Expired => "cursor was issued by another instance of the service or before it restarted; start again without a cursor.",
    _ => "cursor is malformed, was altered, or is not one this service issued; start again without a cursor.",
})
{
    public CursorError Error { get; } = error;
}

/// <summary>Where the next page starts: the index snapshot the walk is pinned to and the last hit's sort values.</summary>
public sealed record Cursor(long Snapshot, SearchPosition Position);

/// <summary>
/// The one codec of opaque paging cursors, signed with HMAC-SHA256 so that a tampered or forged cursor is refused
/// rather than silently paging somewhere else; the first byte says what a cursor is and in which version:
/// <list type="bullet">
/// <item>search cursors (version 5): the process that can serve them (snapshots live in one process), the index
/// snapshot, a fingerprint of the request, the position after the last hit, the scales of a blended relevance order
/// and the tier of a partial answer; they expire with their snapshot;</item>
/// <item>feed cursors ('F'): a store sequence number; they never expire and every replica of one store accepts them.</item>
/// </list>
/// The key comes from SearchApi:CursorSecret, or is derived from the store's identity so that every replica of one
/// store shares it; it is set when the store is known (<see cref="UseKey"/>).
/// </summary>
public sealed class CursorCodec(long instance)
{
    private const byte SearchVersion = 5;
    private const byte FeedKind = (byte)'F';
    private const int FingerprintLength = 8;
    private const int SearchMacLength = 16;
    private const int FeedMacLength = 12;
    private const int MaxLength = 1_024;
    // kind/version, instance, snapshot, fingerprint, score, days, document number, English and Russian scales (0: none), tier
    private const int SearchPayloadLength = 1 + 8 + 8 + FingerprintLength + 4 + 4 + 4 + 4 + 4 + 1;
    private const int FeedPayloadLength = 1 + 8;

    private byte[]? _key;

    /// <summary>A codec with a key already chosen (tests, tools).</summary>
    public CursorCodec(byte[] key, long instance) : this(instance) => _key = key;

    /// <summary>Sets the signing key: from the configured secret when there is one, else from the store's identity.</summary>
    public void UseKey(string? secret, string storeId) =>
        _key = SHA256.HashData(Encoding.UTF8.GetBytes(secret is not null ? "secret:" + secret : "store:" + storeId));

    private byte[] Key => _key ?? throw new InvalidOperationException("The cursor key is set when the service starts.");

    public string Encode(Cursor cursor, byte[] fingerprint)
    {
        var payload = new byte[SearchPayloadLength];
        var span = payload.AsSpan();
        span[0] = SearchVersion;
        BinaryPrimitives.WriteInt64LittleEndian(span[1..], instance);
        BinaryPrimitives.WriteInt64LittleEndian(span[9..], cursor.Snapshot);
        fingerprint.AsSpan(0, FingerprintLength).CopyTo(span[17..]);
        BinaryPrimitives.WriteSingleLittleEndian(span[(17 + FingerprintLength)..], cursor.Position.Score);
        BinaryPrimitives.WriteInt32LittleEndian(span[(21 + FingerprintLength)..], cursor.Position.Days);
        BinaryPrimitives.WriteInt32LittleEndian(span[(25 + FingerprintLength)..], cursor.Position.Doc);
        BinaryPrimitives.WriteSingleLittleEndian(span[(29 + FingerprintLength)..], cursor.Position.Scales?.English ?? 0);
        BinaryPrimitives.WriteSingleLittleEndian(span[(33 + FingerprintLength)..], cursor.Position.Scales?.Russian ?? 0);
        span[37 + FingerprintLength] = (byte)Math.Clamp(cursor.Position.Tier, 0, byte.MaxValue);
        return Sign(payload, SearchMacLength);
    }

    /// <summary>The search cursor in <paramref name="text"/>, or null when there is none.</summary>
    /// <exception cref="CursorException">Not a cursor of this service, of another request, or of another process.</exception>
    public Cursor? DecodeSearch(string? text, byte[] fingerprint)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var payload = Verify(text, SearchPayloadLength, SearchMacLength);
        if (payload[0] != SearchVersion) throw new CursorException(CursorError.Invalid);
        if (!payload.AsSpan(17, FingerprintLength).SequenceEqual(fingerprint.AsSpan(0, FingerprintLength))) throw new CursorException(CursorError.Mismatch);
        if (BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(1)) != instance) throw new CursorException(CursorError.Expired);
        var english = BinaryPrimitives.ReadSingleLittleEndian(payload.AsSpan(29 + FingerprintLength));
        var russian = BinaryPrimitives.ReadSingleLittleEndian(payload.AsSpan(33 + FingerprintLength));
        return new Cursor(
            BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(9)),
            new SearchPosition(
                BinaryPrimitives.ReadSingleLittleEndian(payload.AsSpan(17 + FingerprintLength)),
                BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(21 + FingerprintLength)),
                BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(25 + FingerprintLength)),
                english == 0 && russian == 0 ? null : new LanguageScales(english, russian),
                payload[37 + FingerprintLength]));
    }

    public string EncodeFeed(long seq)
    {
        var payload = new byte[FeedPayloadLength];
        payload[0] = FeedKind;
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(1), seq);
        return Sign(payload, FeedMacLength);
    }

    /// <summary>The store sequence number a feed cursor resumes after; 0 (the beginning) when there is none.</summary>
    /// <exception cref="CursorException">Not a feed cursor of this store.</exception>
    public long DecodeFeed(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var payload = Verify(text, FeedPayloadLength, FeedMacLength);
        return payload[0] == FeedKind ? BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(1)) : throw new CursorException(CursorError.Invalid);
    }

    /// <summary>A digest of what defines a result list (query, filters, sort): a cursor only continues the list it came from.</summary>
    public static byte[] Fingerprint(QueryRequest request, SearchSort sort)
    {
        var filters = request.Filters;
        var text = new StringBuilder()
            .Append(request.Query.Trim()).Append('\u001F')
            .AppendJoin(',', filters.Langs.Order(StringComparer.Ordinal)).Append('\u001F')
            .AppendJoin(',', filters.Sources.Order(StringComparer.Ordinal)).Append('\u001F')
            .AppendJoin(',', filters.Kinds.Order(StringComparer.Ordinal)).Append('\u001F')
            .Append(filters.From?.DayNumber).Append('\u001F')
            .Append(filters.To?.DayNumber).Append('\u001F')
            .AppendJoin(',', filters.People.Concat(filters.Organizations).Concat(filters.Places).Order(StringComparer.Ordinal)).Append('\u001F')
            .Append((int)sort).Append('\u001F')
            .Append(request.CrossLanguage ? '1' : '0')
            .Append(request.Match == MatchMode.All ? 'a' : 'm')
            .Append(request.Typos ? 't' : '-');
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..FingerprintLength];
    }

    private string Sign(byte[] payload, int macLength) =>
        System.Buffers.Text.Base64Url.EncodeToString([.. payload, .. HMACSHA256.HashData(Key, payload).AsSpan(0, macLength)]);

    // The payload of a cursor of this length whose signature verifies.
    private byte[] Verify(string text, int payloadLength, int macLength)
    {
        if (text.Length > MaxLength || !TryDecodeBase64Url(text, out var bytes) || bytes.Length != payloadLength + macLength)
            throw new CursorException(CursorError.Invalid);
        var payload = bytes[..payloadLength];
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Key, payload).AsSpan(0, macLength), bytes.AsSpan(payloadLength)))
            throw new CursorException(CursorError.Invalid);
        return payload;
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
