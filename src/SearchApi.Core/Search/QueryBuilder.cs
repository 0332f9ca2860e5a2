using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Search;

/// <summary>
/// Turns query text into a Lucene query. Every word must match; each word is analysed for both languages and may
/// match as typed (exact field), in another form (English and Russian stems, Russian name keys), as the entity it
/// names (in either language) or as a transliterated name. Boosts rank exact over stemmed over entity and
/// transliterated matches, and titles over bodies.
/// </summary>
public sealed class QueryBuilder(Analyzer queryAnalyzer, EntityLinker linker)
{
    private const float TieBreaker = 0.1f;

    private static readonly (string Field, float Boost, MatchKind Kind)[] WordFields =
    [
        (IndexFields.ExactTitle, 8f, MatchKind.Exact),
        (IndexFields.Exact, 4f, MatchKind.Exact),
        (IndexFields.Title(Languages.English), 3f, MatchKind.Stem),
        (IndexFields.Text(Languages.English), 1.5f, MatchKind.Stem),
        (IndexFields.Title(Languages.Russian), 3f, MatchKind.Stem),
        (IndexFields.Text(Languages.Russian), 1.5f, MatchKind.Stem),
        (IndexFields.Translit, 0.6f, MatchKind.Translit),
    ];

    private const float EntityBoost = 1f;

    public QueryPlan Build(string text)
    {
        var terms = new QueryTerms();
        var words = new List<WordPlan>();
        var all = new BooleanQuery();
        var spans = linker.LinkQuery(text);
        foreach (var (word, start, end) in Words(text))
        {
            // Words inside an entity's name are grouped into one clause that the entity alone can also satisfy.
            var span = spans.FirstOrDefault(s => start < s.End && end > s.Start);
            if (span is not null && words.Count > 0 && words[^1].EntityId == span.EntityId && SpanOf(words[^1], span))
            {
                words[^1] = Extend(words[^1], word, terms);
                continue;
            }
            if (WordPlanFor(word, span?.EntityId, terms) is { } plan) words.Add(plan with { Text = span is null ? word : SpanText(text, span) });
        }
        foreach (var word in words) all.Add(ClauseOf(word), Occur.MUST);
        if (all.Clauses.Count == 0) return new QueryPlan(new MatchAllDocsQuery(), true, terms, words);
        return new QueryPlan(all.Clauses.Count == 1 ? all.Clauses[0].Query : all, false, terms, words);
    }

    private static bool SpanOf(WordPlan plan, QueryEntitySpan span) => plan.Text.Length > 0;

    private static string SpanText(string text, QueryEntitySpan span) => text[span.Start..span.End];

    /// <summary>The scoring clause of a word: the best of its matches, by any kind.</summary>
    private static Query ClauseOf(WordPlan word)
    {
        var best = new DisjunctionMaxQuery(TieBreaker);
        foreach (var query in word.ByKind.Values) best.Add(query);
        return best;
    }

    private WordPlan? WordPlanFor(string word, string? entityId, QueryTerms terms)
    {
        var byKind = new Dictionary<MatchKind, Query>();
        foreach (var (field, boost, kind) in WordFields)
        {
            var tokens = StatementAnalyzer.Tokens(queryAnalyzer, field, word);
            if (FieldQuery(field, tokens) is not { } query) continue;
            foreach (var token in tokens) terms.Add(field, token.Term);
            query.Boost = boost;
            Add(byKind, kind, query);
        }
        if (entityId is not null)
        {
            terms.EntityIds.Add(entityId);
            Add(byKind, MatchKind.Entity, new TermQuery(new Term(IndexFields.Entity, entityId)) { Boost = EntityBoost });
        }
        return byKind.Count == 0 ? null : new WordPlan(word, byKind, entityId);
    }

    /// <summary>Adds a further word to a multi-word entity name: every word must match, or the entity.</summary>
    private WordPlan Extend(WordPlan plan, string word, QueryTerms terms)
    {
        if (WordPlanFor(word, null, terms) is not { } next) return plan;
        var byKind = new Dictionary<MatchKind, Query>();
        foreach (var kind in Enum.GetValues<MatchKind>())
        {
            if (kind == MatchKind.Entity) continue;
            var both = new BooleanQuery();
            foreach (var part in new[] { plan, next })
            {
                if (!part.ByKind.TryGetValue(kind, out var query)) query = ClauseOf(part);
                both.Add(query, Occur.MUST);
            }
            byKind[kind] = both;
        }
        byKind[MatchKind.Entity] = plan.ByKind[MatchKind.Entity];
        return plan with { Text = plan.Text + " " + word, ByKind = byKind };
    }

    private static void Add(Dictionary<MatchKind, Query> byKind, MatchKind kind, Query query)
    {
        if (!byKind.TryGetValue(kind, out var existing))
        {
            byKind[kind] = query;
            return;
        }
        if (existing is DisjunctionMaxQuery disjunction) disjunction.Add(query);
        else byKind[kind] = new DisjunctionMaxQuery(TieBreaker) { existing, query };
    }

    /// <summary>A term, synonyms at one position (stem and name key), or a phrase of positions for a word analysis splits.</summary>
    public static Query? FieldQuery(string field, List<AnalyzedToken> tokens)
    {
        if (tokens.Count == 0) return null;
        var positions = tokens.GroupBy(t => t.Position).OrderBy(g => g.Key).Select(g => g.Select(t => t.Term).Distinct().ToArray()).ToList();
        if (positions.Count == 1)
        {
            if (positions[0].Length == 1) return new TermQuery(new Term(field, positions[0][0]));
            var synonyms = new BooleanQuery(disableCoord: true);
            foreach (var term in positions[0]) synonyms.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            return synonyms;
        }
        var phrase = new MultiPhraseQuery();
        foreach (var alternatives in positions) phrase.Add(alternatives.Select(t => new Term(field, t)).ToArray());
        return phrase;
    }

    private static IEnumerable<(string Word, int Start, int End)> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            yield return (text[start..i], start, i);
            start = -1;
        }
    }
}
