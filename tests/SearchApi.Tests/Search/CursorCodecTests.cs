using SearchApi.Core.Search;

namespace SearchApi.Tests.Search;

public sealed class CursorCodecTests
{
    private readonly CursorCodec _codec = new(new byte[32], instance: 42);
    private readonly byte[] _fingerprint = CursorCodec.Fingerprint("lavrov", SearchFilters.None, SearchSort.Relevance);

    [Fact]
    public void A_cursor_round_trips()
    {
        var cursor = new Cursor(17, new SearchPosition(1.25f, int.MinValue, 123_456));
        var text = _codec.Encode(cursor, _fingerprint);

        Assert.Equal(CursorError.None, _codec.TryDecode(text, _fingerprint, out var decoded));
        Assert.Equal(cursor, decoded);
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Fact]
    public void Any_altered_character_is_detected()
    {
        var text = _codec.Encode(new Cursor(3, new SearchPosition(0.5f, 19000, 42)), _fingerprint);
        for (var i = 0; i < text.Length; i++)
        {
            var altered = text[..i] + (text[i] == 'x' ? 'y' : 'x') + text[(i + 1)..];
            Assert.NotEqual(CursorError.None, _codec.TryDecode(altered, _fingerprint, out _));
        }
    }

    [Fact]
    public void Another_key_another_search_or_another_process_is_refused()
    {
        var text = _codec.Encode(new Cursor(3, new SearchPosition(0.5f, 19000, 42)), _fingerprint);

        Assert.Equal(CursorError.Invalid, new CursorCodec(Enumerable.Repeat((byte)7, 32).ToArray(), 42).TryDecode(text, _fingerprint, out _));
        Assert.Equal(CursorError.Mismatch, _codec.TryDecode(text, CursorCodec.Fingerprint("lavrov", SearchFilters.None, SearchSort.Date), out _));
        Assert.Equal(CursorError.Expired, new CursorCodec(new byte[32], instance: 43).TryDecode(text, _fingerprint, out _));
    }

    [Fact]
    public void Filter_order_does_not_change_the_fingerprint()
    {
        var a = CursorCodec.Fingerprint("q", SearchFilters.None with { Langs = ["en", "ru"] }, SearchSort.Relevance);
        var b = CursorCodec.Fingerprint("q", SearchFilters.None with { Langs = ["ru", "en"] }, SearchSort.Relevance);
        Assert.Equal(a, b);
    }
}
