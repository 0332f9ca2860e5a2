using System.Net;
using System.Text;

namespace SearchApi.Core.Search;

/// <summary>Ready HTML for a highlighted text: the statement's text escaped, matched words wrapped in &lt;mark&gt;.</summary>
public static class HtmlHighlights
{
    public static string Render(string text, IReadOnlyList<Highlight> highlights)
    {
        var html = new StringBuilder(text.Length + highlights.Count * 13);
        var at = 0;
        foreach (var highlight in highlights.OrderBy(h => h.Start))
        {
            if (highlight.Start < at || highlight.Start + highlight.Length > text.Length) continue;
            html.Append(WebUtility.HtmlEncode(text[at..highlight.Start]))
                .Append("<mark>")
                .Append(WebUtility.HtmlEncode(text.Substring(highlight.Start, highlight.Length)))
                .Append("</mark>");
            at = highlight.Start + highlight.Length;
        }
        return html.Append(WebUtility.HtmlEncode(text[at..])).ToString();
    }
}
