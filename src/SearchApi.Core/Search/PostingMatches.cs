using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>The words the query matched in a page of hits, for the title and for the text of each.</summary>
public sealed record HitMatches(List<Match>[] Title, List<Match>[] Text);

/// <summary>
/// Finds where a query matched each hit from the postings themselves: every analysed field records the character
/// offsets of its words, so the match of a stem, a name key or a transliteration is read back exactly as the index
/// matched it, without analysing the text again. One pass per (field, term) over the page's hits in document order.
/// Entity matches come from the hit's linked mentions.
/// </summary>
public static class PostingMatches
{
    public static HitMatches Find(IndexReader reader, IReadOnlyList<int> docs, IReadOnlyList<IndexedStatement> statements, QueryTerms terms, bool inText)
    {
        var title = new List<Match>[docs.Count];
        var text = new List<Match>[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            title[i] = [];
            text[i] = [];
        }
        if (!terms.IsEmpty)
        {
            var leaves = reader.Leaves;
            // Hits by segment, in document order within each: postings only move forward.
            foreach (var group in Enumerable.Range(0, docs.Count).GroupBy(i => ReaderUtil.SubIndex(docs[i], leaves)))
            {
                var leaf = leaves[group.Key];
                var hits = group.OrderBy(i => docs[i]).ToArray();
                foreach (var field in Fields(terms))
                {
                    var isTitle = IndexFields.IsTitle(field);
                    if (!isTitle && !inText) continue;
                    Collect(leaf, field, terms, hits.Select(i => docs[i] - leaf.DocBase).ToArray(), hits, isTitle ? title : text);
                }
            }
            for (var i = 0; i < docs.Count; i++) AddMentions(statements[i], terms, title[i], text[i], inText);
        }
        for (var i = 0; i < docs.Count; i++)
        {
            title[i] = Ordered(title[i]);
            text[i] = Ordered(text[i]);
        }
        return new HitMatches(title, text);
    }

    private static IEnumerable<string> Fields(QueryTerms terms) =>
        terms.ByField.Keys.Concat(terms.Prefixes.Select(p => p.Field)).Distinct(StringComparer.Ordinal);

    private static void Collect(AtomicReaderContext leaf, string field, QueryTerms terms, int[] targets, int[] hits, List<Match>[] into)
    {
        if (leaf.AtomicReader.GetTerms(field) is not { } fieldTerms || !fieldTerms.HasOffsets) return;
        var enumerator = fieldTerms.GetEnumerator();
        DocsAndPositionsEnum? reuse = null;
        foreach (var term in terms.For(field))
            if (enumerator.SeekExact(new BytesRef(term))) reuse = Scan(enumerator, reuse, term, targets, hits, into);
        foreach (var (prefixField, prefix) in terms.Prefixes)
        {
            if (prefixField != field) continue;
            var start = new BytesRef(prefix);
            if (enumerator.SeekCeil(start) == TermsEnum.SeekStatus.END) continue;
            do
            {
                if (!StringHelper.StartsWith(enumerator.Term, start)) break;
                reuse = Scan(enumerator, reuse, enumerator.Term.Utf8ToString(), targets, hits, into);
            }
            while (enumerator.MoveNext());
        }
    }

    // Advances one term's postings through the page's documents, taking the offsets of every occurrence. The postings
    // object of the previous term of the field is reused: they allocate sizeable buffers.
    private static DocsAndPositionsEnum? Scan(TermsEnum enumerator, DocsAndPositionsEnum? reuse, string term, int[] targets, int[] hits, List<Match>[] into)
    {
        var postings = enumerator.DocsAndPositions(null, reuse, DocsAndPositionsFlags.OFFSETS);
        if (postings is null) return reuse;
        for (var k = 0; k < targets.Length; k++)
        {
            var doc = postings.DocID < targets[k] ? postings.Advance(targets[k]) : postings.DocID;
            if (doc == DocIdSetIterator.NO_MORE_DOCS) return postings;
            if (doc != targets[k]) continue;
            for (var occurrence = postings.Freq; occurrence > 0; occurrence--)
            {
                postings.NextPosition();
                if (postings.StartOffset >= 0) into[hits[k]].Add(new Match(postings.StartOffset, postings.EndOffset, term));
            }
        }
        return postings;
    }

    private static void AddMentions(IndexedStatement statement, QueryTerms terms, List<Match> title, List<Match> text, bool inText)
    {
        if (terms.EntityIds.Count == 0) return;
        foreach (var mention in statement.Mentions)
        {
            if (!terms.EntityIds.Contains(mention.EntityId) || (!mention.InTitle && !inText)) continue;
            var length = mention.InTitle ? statement.Title.Length : statement.Text.Length;
            if (mention.Start + mention.Length <= length)
                (mention.InTitle ? title : text).Add(new Match(mention.Start, mention.Start + mention.Length, mention.EntityId));
        }
    }

    /// <summary>In text order, the longest first where two start together, and without overlaps.</summary>
    private static List<Match> Ordered(List<Match> matches)
    {
        if (matches.Count < 2) return matches;
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Match>(matches.Count);
        foreach (var match in matches)
            if (merged.Count == 0 || match.Start >= merged[^1].End) merged.Add(match);
        return merged;
    }
}
