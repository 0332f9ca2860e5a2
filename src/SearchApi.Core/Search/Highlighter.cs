using Lucene.Net.Analysis;
using SearchApi.Core.Analysis;
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

/// <summary>
/// Finds the words a query matched by re-analysing stored text with the same chains as the index, and cuts the best
/// passages around them. Stemmed, transliterated and entity matches are marked too: "corridor" marks "corridors",
/// "CSTO" marks "ОДКБ".
/// </summary>
public sealed class Highlighter(Analyzer analyzer)
{
    private const string Ellipsis = "…";

    /// <summary>Every word of a statement's title or text that the query matched, in order, without overlaps.</summary>
    public List<Match> Matches(IndexedStatement statement, QueryTerms terms, bool inTitle)
    {
        var matches = new List<Match>();
        if (terms.IsEmpty) return matches;
        var text = inTitle ? statement.Title : statement.Text;
        var fields = inTitle
            ? new[] { IndexFields.Title(statement.Lang), IndexFields.ExactTitle, IndexFields.TranslitTitle }
            : new[] { IndexFields.Text(statement.Lang), IndexFields.Exact, IndexFields.Translit };
        foreach (var field in fields)
        {
            if (terms.For(field).Count == 0 && !terms.Prefixes.Any(p => p.Field == field)) continue;
            foreach (var token in StatementAnalyzer.Tokens(analyzer, field, text))
                if (terms.Matches(field, token.Term)) matches.Add(new Match(token.Start, token.End, token.Term));
        }
        foreach (var mention in statement.Mentions)
            if (mention.InTitle == inTitle && terms.EntityIds.Contains(mention.EntityId) && mention.Start + mention.Length <= text.Length)
                matches.Add(new Match(mention.Start, mention.Start + mention.Length, mention.EntityId));
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Match>(matches.Count);
        foreach (var match in matches)
            if (merged.Count == 0 || match.Start >= merged[^1].End) merged.Add(match);
        return merged;
    }

    /// <summary>The best passages of the statement's text for the query, in text order; the opening when nothing matched.</summary>
    public IReadOnlyList<Snippet> Snippets(IndexedStatement statement, QueryTerms terms, SnippetOptions options)
    {
        var text = statement.Text;
        if (options.Count == 0 || text.Length == 0) return [];
        var matches = Matches(statement, terms, inTitle: false);
        if (matches.Count == 0) return [Cut(text, 0, Sentences.EndOfSentence(text, 0), [], options.Length)];

        var scored = new List<(int Start, int End, int Score, List<Match> Matches)>();
        var next = 0;
        foreach (var (start, end) in Sentences.Spans(text))
        {
            var inside = new List<Match>();
            while (next < matches.Count && matches[next].Start < end)
            {
                if (matches[next].Start >= start) inside.Add(matches[next]);
                next++;
            }
            if (inside.Count == 0) continue;
            // Distinct terms count most: a passage with both words of a two-word query beats one word twice.
            var score = inside.Select(m => m.Term).Distinct().Count() * 100 + inside.Count;
            scored.Add((start, end, score, inside));
        }
        return scored
            .OrderByDescending(s => s.Score).ThenBy(s => s.Start)
            .Take(options.Count)
            .OrderBy(s => s.Start)
            .Select(s => Cut(text, s.Start, s.End, s.Matches, options.Length))
            .ToList();
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
        }
        var prefix = from > start ? Ellipsis : "";
        var suffix = to < end ? Ellipsis : "";
        var highlights = new List<Highlight>();
        foreach (var match in matches)
            if (match.Start >= from && match.End <= to)
                highlights.Add(new Highlight(match.Start - from + prefix.Length, match.End - match.Start));
        return new Snippet(prefix + text[from..to] + suffix, highlights);
    }

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
