using SearchApi.Core.Indexing;
using SearchApi.Core.Parsing;

namespace SearchApi.Core.Search;

/// <summary>How many snippets to return per hit and how long each may be.</summary>
public sealed record SnippetOptions(int Count, int Length)
{
    public const int DefaultCount = 2;
    public const int MaxCount = 5;
    public const int DefaultLength = 200;
    public const int MinLength = 50;
    public const int MaxLength = 1_000;

    public static readonly SnippetOptions Default = new(DefaultCount, DefaultLength);
}

/// <summary>A matched word: where it is in the text and which query term it matched.</summary>
public readonly record struct Match(int Start, int End, string Term);

/// <summary>An offset range into a snippet's (or title's) text.</summary>
public sealed record Highlight(int Start, int Length);

public sealed record Snippet(string Text, IReadOnlyList<Highlight> Highlights);

/// <summary>What the highlighter made of one hit: the matched words of its title, and the best passages of its text.</summary>
public sealed record HitHighlights(IReadOnlyList<Highlight> Title, IReadOnlyList<Snippet> Snippets);

/// <summary>
/// Marks the words a query matched and cuts the best passages around them. The matches come from the index's postings
/// (<see cref="PostingMatches"/>), so stemmed, transliterated and entity matches are marked too: "corridor" marks
/// "corridors", "CSTO" marks "ОДКБ".
/// </summary>
public static class Highlighter
{
    private const string Ellipsis = "…";

    /// <summary>Title highlights and snippets for a page of hits (document numbers of <paramref name="reader"/>).</summary>
    public static IReadOnlyList<HitHighlights> Highlight(
        Lucene.Net.Index.IndexReader reader, IReadOnlyList<int> docs, IReadOnlyList<IndexedStatement> statements, QueryTerms terms, SnippetOptions options)
    {
        var matches = PostingMatches.Find(reader, docs, statements, terms, inText: options.Count > 0);
        var highlights = new HitHighlights[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            var title = new List<Highlight>(matches.Title[i].Count);
            foreach (var match in matches.Title[i]) title.Add(new Highlight(match.Start, match.End - match.Start));
            highlights[i] = new HitHighlights(title, Snippets(statements[i].Text, matches.Text[i], options));
        }
        return highlights;
    }

    /// <summary>
    /// The best passages of <paramref name="text"/> for the matches (in text order, without overlaps), in text order; the
    /// opening sentence when nothing matched.
    /// </summary>
    public static IReadOnlyList<Snippet> Snippets(string text, List<Match> matches, SnippetOptions options)
    {
        if (options.Count == 0 || text.Length == 0) return [];
        if (matches.Count == 0) return [Cut(text, 0, Sentences.EndOfSentence(text, 0), [], options.Length)];

        var scored = new List<(int Start, int End, int Score, List<Match> Matches)>();
        var sentenceStart = 0;
        var sentenceEnd = 0;
        List<Match>? inside = null;
        foreach (var match in matches)
        {
            if (match.Start >= sentenceEnd)
            {
                if (inside is not null) scored.Add((sentenceStart, sentenceEnd, Score(inside), inside));
                (sentenceStart, sentenceEnd) = SentenceAt(text, match.Start, sentenceEnd);
                inside = [];
            }
            inside!.Add(match);
        }
        scored.Add((sentenceStart, sentenceEnd, Score(inside!), inside!));
        return scored
            .OrderByDescending(s => s.Score).ThenBy(s => s.Start)
            .Take(options.Count)
            .OrderBy(s => s.Start)
            .Select(s => Cut(text, s.Start, s.End, s.Matches, options.Length))
            .ToList();
    }

    // Distinct terms count most: a passage with both words of a two-word query beats one word twice.
    private static int Score(List<Match> inside)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in inside) distinct.Add(match.Term);
        return distinct.Count * 100 + inside.Count;
    }

    /// <summary>
    /// The sentence holding <paramref name="position"/>, as <see cref="Sentences.Spans"/> would split the text: a line
    /// break always ends a sentence, so splitting from the start of the paragraph (or from an earlier sentence end in
    /// it, <paramref name="from"/>) gives the same sentences as splitting from the start of the text.
    /// </summary>
    private static (int Start, int End) SentenceAt(string text, int position, int from)
    {
        var paragraph = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
        var start = Math.Max(paragraph, from);
        while (true)
        {
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
            var end = Sentences.EndOfSentence(text, start);
            if (position < end || end >= text.Length) return (start, end);
            start = end;
        }
    }

    /// <summary>The sentence [start, end) as a snippet of at most <paramref name="length"/> characters, centred on its first match when too long.</summary>
    private static Snippet Cut(string text, int start, int end, List<Match> matches, int length)
    {
        var from = start;
        var to = end;
        if (to - from > length)
        {
            var focus = matches.Count > 0 ? matches[0].Start : from;
            from = Math.Max(start, focus - length / 4);
            if (from > start) from = WordStartAtOrAfter(text, from, focus);
            to = Math.Min(end, from + length);
            if (to < end) to = WordEndAtOrBefore(text, to, from);
            (from, to) = (OffPair(text, from), OffPair(text, to));
        }
        var prefix = from > start ? Ellipsis : "";
        var suffix = to < end ? Ellipsis : "";
        var highlights = new List<Highlight>();
        foreach (var match in matches)
            if (match.Start >= from && match.End <= to)
                highlights.Add(new Highlight(match.Start - from + prefix.Length, match.End - match.Start));
        return new Snippet(prefix + text[from..to] + suffix, highlights);
    }

    // A cut between the two halves of a surrogate pair (an emoji, a 𝐛𝐨𝐥𝐝 letter) moves before the pair.
    private static int OffPair(string text, int cut) =>
        cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]) ? cut - 1 : cut;

    private static int WordStartAtOrAfter(string text, int position, int limit)
    {
        while (position < limit && position > 0 && !char.IsWhiteSpace(text[position - 1])) position++;
        return position;
    }

    private static int WordEndAtOrBefore(string text, int position, int limit)
    {
        var cut = position;
        while (cut > limit && cut < text.Length && !char.IsWhiteSpace(text[cut])) cut--;
        return cut > limit ? cut : position;
    }
}
