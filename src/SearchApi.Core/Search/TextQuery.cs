using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Search;

/// <summary>The terms a query looks for in each field; the highlighter marks exactly these.</summary>
public sealed class QueryTerms
{
    private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);

    public void Add(string field, string term)
    {
        if (!_byField.TryGetValue(field, out var terms)) _byField[field] = terms = new HashSet<string>(StringComparer.Ordinal);
        terms.Add(term);
    }

    public IReadOnlySet<string> For(string field) =>
        _byField.TryGetValue(field, out var terms) ? terms : (IReadOnlySet<string>)new HashSet<string>();

    public bool IsEmpty => _byField.Count == 0;
}

/// <summary>A user's query as Lucene sees it, with the terms to highlight.</summary>
public sealed record ParsedQuery(Query Query, QueryTerms Terms, bool MatchesAll);

/// <summary>
/// Turns query text into a Lucene query: every word must match, in the title or text of either language or in the
/// exact-form field, each analysed with that field's own chain.
/// </summary>
public static class TextQuery
{
    private const float TitleBoost = 2f;
    private const float ExactBoost = 1.5f;
    private const float TieBreaker = 0.1f;

    private static readonly (string Field, float Boost)[] Fields =
    [
        (IndexFields.Title(Languages.English), TitleBoost),
        (IndexFields.Text(Languages.English), 1f),
        (IndexFields.Title(Languages.Russian), TitleBoost),
        (IndexFields.Text(Languages.Russian), 1f),
        (IndexFields.Exact, ExactBoost),
    ];

    public static ParsedQuery Parse(string text, Analyzer analyzer)
    {
        var terms = new QueryTerms();
        var all = new BooleanQuery();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            if (WordQuery(word, analyzer, terms) is { } clause) all.Add(clause, Occur.MUST);
        if (all.Clauses.Count == 0) return new ParsedQuery(new MatchAllDocsQuery(), terms, MatchesAll: true);
        return new ParsedQuery(all.Clauses.Count == 1 ? all.Clauses[0].Query : all, terms, MatchesAll: false);
    }

    /// <summary>One word: the best of its matches across fields. Null when analysis leaves nothing of it (punctuation).</summary>
    private static Query? WordQuery(string word, Analyzer analyzer, QueryTerms terms)
    {
        var alternatives = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in Fields)
        {
            var tokens = StatementAnalyzer.Tokens(analyzer, field, word);
            if (tokens.Count == 0) continue;
            Query query;
            if (tokens.Count == 1) query = new TermQuery(new Term(field, tokens[0].Term));
            else
            {
                var phrase = new PhraseQuery();
                foreach (var token in tokens) phrase.Add(new Term(field, token.Term), token.Position);
                query = phrase;
            }
            foreach (var token in tokens) terms.Add(field, token.Term);
            query.Boost = boost;
            alternatives.Add(query);
        }
        return alternatives.Disjuncts.Count == 0 ? null : alternatives;
    }
}
