using SearchApi.Core.Search;

namespace SearchApi.Tests.Search;

public sealed class CursorCodecTests
{
    private readonly CursorCodec _codec = new(new byte[32]);
    private readonly byte[] _fingerprint = CursorCodec.Fingerprint("lavrov", SearchFilters.None, SearchSort.Relevance);

    [Fact]
    public void A_cursor_round_trips()
    {
        var position = new SearchPosition(1.25f, int.MinValue, "kremlin_en_123");
        var cursor = _codec.Encode(position, _fingerprint);

        Assert.Equal(CursorError.None, _codec.TryDecode(cursor, _fingerprint, out var decoded));
        Assert.Equal(position, decoded);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor);
    }

    [Fact]
    public void Any_altered_character_is_detected()
    {
        var cursor = _codec.Encode(new SearchPosition(0.5f, 19000, "abc"), _fingerprint);
        for (var i = 0; i < cursor.Length; i++)
        {
            var altered = cursor[..i] + (cursor[i] == 'x' ? 'y' : 'x') + cursor[(i + 1)..];
            Assert.NotEqual(CursorError.None, _codec.TryDecode(altered, _fingerprint, out _));
        }
    }

    [Fact]
    public void Another_key_or_another_search_is_refused()
    {
        var cursor = _codec.Encode(new SearchPosition(0.5f, 19000, "abc"), _fingerprint);

        Assert.Equal(CursorError.Invalid, new CursorCodec(Enumerable.Repeat((byte)7, 32).ToArray()).TryDecode(cursor, _fingerprint, out _));
        var other = CursorCodec.Fingerprint("lavrov", SearchFilters.None, SearchSort.Date);
        Assert.Equal(CursorError.Mismatch, _codec.TryDecode(cursor, other, out _));
    }

    [Fact]
    public void Filter_order_does_not_change_the_fingerprint()
    {
        var a = CursorCodec.Fingerprint("q", SearchFilters.None with { Langs = ["en", "ru"] }, SearchSort.Relevance);
        var b = CursorCodec.Fingerprint("q", SearchFilters.None with { Langs = ["ru", "en"] }, SearchSort.Relevance);
        Assert.Equal(a, b);
    }
}
