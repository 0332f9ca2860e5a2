using SearchApi.Core.Search;

namespace SearchApi.Tests.Search;

/// <summary>The one cursor codec: search cursors (pinned to a process and a snapshot) and feed cursors (a store sequence), both signed.</summary>
public sealed class CursorCodecTests
{
    private readonly CursorCodec _codec = new(new byte[32], instance: 42);
    private readonly byte[] _fingerprint = CursorCodec.Fingerprint(new QueryRequest("lavrov", SearchFilters.None), SearchSort.Relevance);

    [Fact]
    public void A_cursor_round_trips()
    {
        var cursor = new Cursor(17, new SearchPosition(1.25f, int.MinValue, 123_456));
        var text = _codec.Encode(cursor, _fingerprint);

        Assert.Equal(cursor, _codec.DecodeSearch(text, _fingerprint));
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
        Assert.Null(_codec.DecodeSearch("", _fingerprint));
    }

    [Fact]
    public void Any_altered_character_is_detected()
    {
        var text = _codec.Encode(new Cursor(3, new SearchPosition(0.5f, 19000, 42)), _fingerprint);
        for (var i = 0; i < text.Length; i++)
        {
            var altered = text[..i] + (text[i] == 'x' ? 'y' : 'x') + text[(i + 1)..];
            Assert.Throws<CursorException>(() => _codec.DecodeSearch(altered, _fingerprint));
        }
    }

    [Fact]
    public void Another_key_another_search_or_another_process_is_refused_with_its_reason()
    {
        var text = _codec.Encode(new Cursor(3, new SearchPosition(0.5f, 19000, 42)), _fingerprint);

        Assert.Equal(CursorError.Invalid, Assert.Throws<CursorException>(() => new CursorCodec(Enumerable.Repeat((byte)7, 32).ToArray(), 42).DecodeSearch(text, _fingerprint)).Error);
        Assert.Equal(CursorError.Mismatch, Assert.Throws<CursorException>(() =>
            _codec.DecodeSearch(text, CursorCodec.Fingerprint(new QueryRequest("lavrov", SearchFilters.None), SearchSort.Date))).Error);
        Assert.Equal(CursorError.Expired, Assert.Throws<CursorException>(() => new CursorCodec(new byte[32], instance: 43).DecodeSearch(text, _fingerprint)).Error);
    }

    [Fact]
    public void Filter_order_does_not_change_the_fingerprint()
    {
        var a = CursorCodec.Fingerprint(new QueryRequest("q", SearchFilters.None with { Langs = ["en", "ru"] }), SearchSort.Relevance);
        var b = CursorCodec.Fingerprint(new QueryRequest("q", SearchFilters.None with { Langs = ["ru", "en"] }), SearchSort.Relevance);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Feed_cursors_round_trip_on_any_process_of_one_store_and_are_not_search_cursors()
    {
        var feed = _codec.EncodeFeed(123_456);
        Assert.Equal(123_456, new CursorCodec(new byte[32], instance: 99).DecodeFeed(feed));
        Assert.Equal(0, _codec.DecodeFeed(null));
        Assert.Throws<CursorException>(() => _codec.DecodeSearch(feed, _fingerprint));
        Assert.Throws<CursorException>(() => _codec.DecodeFeed(_codec.Encode(new Cursor(1, new SearchPosition(1, 1, 1)), _fingerprint)));
        Assert.Throws<CursorException>(() => new CursorCodec(Enumerable.Repeat((byte)7, 32).ToArray(), 42).DecodeFeed(feed));
    }

    [Fact]
    public void The_key_comes_from_the_secret_when_one_is_set_and_else_from_the_store()
    {
        var (a, b, c) = (new CursorCodec(1), new CursorCodec(1), new CursorCodec(1));
        a.UseKey(null, "store-1");
        b.UseKey(null, "store-1");
        c.UseKey("a secret of sixteen+", "store-1");
        var feed = a.EncodeFeed(5);
        Assert.Equal(5, b.DecodeFeed(feed));
        Assert.Throws<CursorException>(() => c.DecodeFeed(feed));
        Assert.Throws<InvalidOperationException>(() => new CursorCodec(1).EncodeFeed(5));
    }
}
