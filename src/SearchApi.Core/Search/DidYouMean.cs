using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>A corrected query that finds more than the query as typed, and how many statements it finds.</summary>
public sealed record QuerySuggestion(string Query, long Total);

/// <summary>
/// "Did you mean": when a query finds fewer than <see cref="ReadSession.FewHits"/> statements as typed, each word a typo
/// may be in (<see cref="QueryBuilder.TypoEdits"/>) is replaced by the indexed form within its edits that most
/// statements have — when at least three times as many have it as have the word — and the corrected query is offered
/// when, as typed again, it finds at least three times as many statements (and some).
/// </summary>
internal static class DidYouMean
{
    public static QuerySuggestion? Suggest(IndexSearcher searcher, Filter? filter, QueryAnswer answer, QueryRequest request, QueryBuilder queries, TimeProvider clock)
    {
        if (answer.StrictCount >= ReadSession.FewHits || answer.Plan.MatchesAll) return null;
        // The words a typo may be in, whether or not this request lets typos match (typos=false still hears a suggestion).
        var candidates = answer.Plan.Corrections is { Count: > 0 } own ? own : queries.Build(request.Query, request.Options with { Typos = true }).Corrections ?? [];
        if (candidates.Count == 0) return null;
        var terms = MultiFields.GetTerms(searcher.IndexReader, IndexFields.Exact);
        if (terms is null) return null;
        var corrected = request.Query;
        var changed = false;
        foreach (var candidate in candidates.DistinctBy(c => c.Word))
        {
            if (Best(searcher.IndexReader, terms, candidate) is not { } best) continue;
            var replaced = ReplaceWord(corrected, candidate.Word, Cased(best, candidate.Word));
            changed |= replaced != corrected;
            corrected = replaced;
        }
        if (!changed) return null;
        var plan = queries.Build(corrected, request.Options);
        var total = QueryAnswer.EarlyCount(searcher, plan.Query, filter, int.MaxValue, queries.Limits.Timeout, clock);
        return total > 0 && total >= 3 * answer.StrictCount ? new QuerySuggestion(corrected, total) : null;
    }

    // Each snapshot's corrections, kept while the snapshot lives: the automaton walk is the cost, and typos repeat.
    private static readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<TypoCandidate, string?>> Known = new();
    private const int KnownPerSnapshot = 10_000;

    /// <summary>The indexed form within the word's edits that the most statements have, if clearly more have it than the word.</summary>
    private static string? Best(IndexReader reader, Terms terms, TypoCandidate candidate)
    {
        var known = Known.GetValue(reader, _ => new ConcurrentDictionary<TypoCandidate, string?>());
        if (known.TryGetValue(candidate, out var found)) return found;
        if (known.Count >= KnownPerSnapshot) known.Clear();
        return known[candidate] = Walk(reader, terms, candidate);
    }

    private static string? Walk(IndexReader reader, Terms terms, TypoCandidate candidate)
    {
        var own = reader.DocFreq(new Term(IndexFields.Exact, candidate.Exact));
        string? best = null;
        var bestCount = Math.Max(1, 3 * own) - 1;
        foreach (var (maxEdits, prefix) in QueryBuilder.TypoAutomata(candidate.MaxEdits))
        {
            var enumerator = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(IndexFields.Exact, candidate.Exact), maxEdits, prefix, transpositions: true);
            while (enumerator.MoveNext())
            {
                var count = enumerator.DocFreq;
                if (count <= bestCount) continue;
                var text = enumerator.Term.Utf8ToString();
                if (text == candidate.Exact) continue;
                (best, bestCount) = (text, count);
            }
        }
        return best;
    }

    // "Lavorv" → "Lavrov", "LAVORV" → "LAVROV", "lavorv" → "lavrov".
    private static string Cased(string lower, string typed) =>
        typed.Length > 1 && typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? lower.ToUpperInvariant()
        : typed.Length > 0 && char.IsUpper(typed[0]) ? char.ToUpperInvariant(lower[0]) + lower[1..]
        : lower;

    private static string ReplaceWord(string query, string word, string replacement)
    {
        var pattern = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);
        return pattern.Replace(query, replacement.Replace("$", "$$", StringComparison.Ordinal), 1);
    }
}
