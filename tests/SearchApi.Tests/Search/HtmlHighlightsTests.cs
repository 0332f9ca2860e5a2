using SearchApi.Core.Search;

namespace SearchApi.Tests.Search;

public sealed class HtmlHighlightsTests
{
    [Fact]
    public void Text_is_escaped_and_only_matches_are_marked()
    {
        var html = HtmlHighlights.Render("<script>alert('x')</script> & Lavrov", [new Highlight(30, 6)]);
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; <mark>Lavrov</mark>", html);
    }

    [Fact]
    public void Overlapping_or_out_of_range_highlights_are_ignored()
    {
        Assert.Equal("<mark>ab</mark>cd", HtmlHighlights.Render("abcd", [new Highlight(0, 2), new Highlight(1, 2), new Highlight(3, 9)]));
    }
}
