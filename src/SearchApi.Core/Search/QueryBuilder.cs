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
/// match as typed (exact fields), in another form (English and Russian stems, Russian name keys), as the entity it
/// names (in either language) or as a transliterated name. A word scores its best match in the title plus its best
/// match in the body: titles count double, and exact forms a little more than other forms, entities and
/// transliterations less.
/// </summary>
public sealed class QueryBuilder(Analyzer queryAnalyzer, EntityLinker linker)
{
    private const float TieBreaker = 0.1f;
    private const float TitleWeight = 2f;
    private const float ExactWeight = 1.3f;
    private const float EntityWeight = 0.8f;
    private const float TranslitWeight = 0.5f;

    private sealed record FieldRule(string Field, bool InTitle, float Boost, MatchKind Kind);

    private static readonly FieldRule[] WordFields =
    [
        new(IndexFields.ExactTitle, true, ExactWeight, MatchKind.Exact),
        new(IndexFields.Title(Languages.English), true, 1f, MatchKind.Stem),
        new(IndexFields.Title(Languages.Russian), true, 1f, MatchKind.Stem),
        new(IndexFields.TranslitTitle, true, TranslitWeight, MatchKind.Translit),
        new(IndexFields.Exact, false, ExactWeight, MatchKind.Exact),
        new(IndexFields.Text(Languages.English), false, 1f, MatchKind.Stem),
        new(IndexFields.Text(Languages.Russian), false, 1f, MatchKind.Stem),
        new(IndexFields.Translit, false, TranslitWeight, MatchKind.Translit),
    ];

    /// <summary>A word's (or a named entity's) scoring clause and its query per kind of match.</summary>
    private sealed record Part(Query Clause, Dictionary<MatchKind, Query> ByKind);

    public QueryPlan Build(string text)
    {
        var terms = new QueryTerms();
        var words = new List<WordPlan>();
        var all = new BooleanQuery();
        foreach (var (unitWords, entityId) in Units(text, linker.LinkQuery(text)))
        {
            var parts = unitWords.Select(w => WordPart(w, terms)).OfType<Part>().ToList();
            Part? entity = entityId is null ? null : EntityPart(entityId, terms);
            if (parts.Count == 0 && entity is null) continue;
            var unit = Combine(parts, entity);
            all.Add(unit.Clause, Occur.MUST);
            words.Add(new WordPlan(string.Join(' ', unitWords), unit.ByKind, entityId));
        }
        if (all.Clauses.Count == 0) return new QueryPlan(new MatchAllDocsQuery(), true, terms, words);
        Query query = all.Clauses.Count == 1 ? all.Clauses[0].Query : all;
        if (Proximity(Words(text).Select(w => w.Word).ToList()) is { } near)
            query = new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { near, Occur.SHOULD } };
        return new QueryPlan(query, false, terms, words);
    }

    private static readonly (string Field, int Slop, float Boost)[] ProximityFields =
    [
        (IndexFields.ExactTitle, 0, ExactWeight * TitleWeight),
        (IndexFields.Exact, 0, ExactWeight),
        (IndexFields.Title(Languages.English), 2, TitleWeight),
        (IndexFields.Text(Languages.English), 2, 1f),
        (IndexFields.Title(Languages.Russian), 2, TitleWeight),
        (IndexFields.Text(Languages.Russian), 2, 1f),
    ];

    /// <summary>For several words, a bonus for statements that have them next to each other (as typed, or in other forms nearby).</summary>
    private BooleanQuery? Proximity(List<string> words)
    {
        if (words.Count < 2) return null;
        var near = new BooleanQuery(disableCoord: true);
        foreach (var (field, slop, boost) in ProximityFields)
        {
            var phrase = new MultiPhraseQuery { Slop = slop, Boost = boost };
            var position = 0;
            var positions = 0;
            foreach (var word in words)
            {
                var tokens = StatementAnalyzer.Tokens(queryAnalyzer, field, word);
                foreach (var group in tokens.GroupBy(t => t.Position).OrderBy(g => g.Key))
                {
                    phrase.Add(group.Select(t => new Term(field, t.Term)).DistinctBy(t => t.Text).ToArray(), position + group.Key);
                    positions++;
                }
                position += tokens.Count == 0 ? 1 : tokens.Max(t => t.Position) + 1;
            }
            if (positions >= 2) near.Add(phrase, Occur.SHOULD);
        }
        return near.Clauses.Count == 0 ? null : near;
    }

    /// <summary>Words of the query; consecutive words that name one entity form one unit.</summary>
    private static List<(List<string> Words, string? EntityId)> Units(string text, IReadOnlyList<QueryEntitySpan> spans)
    {
        var units = new List<(List<string> Words, string? EntityId, QueryEntitySpan? Span)>();
        foreach (var (word, start, end) in Words(text))
        {
            var span = spans.FirstOrDefault(s => start < s.End && end > s.Start);
            if (span is not null && units.Count > 0 && ReferenceEquals(units[^1].Span, span)) units[^1].Words.Add(word);
            else units.Add(([word], span?.EntityId, span));
        }
        return units.Select(u => (u.Words, u.EntityId)).ToList();
    }

    /// <summary>Every word must match; or the entity the words name.</summary>
    private static Part Combine(List<Part> parts, Part? entity)
    {
        if (parts.Count == 1 && entity is null) return parts[0];
        Query textClause;
        var byKind = new Dictionary<MatchKind, Query>();
        if (parts.Count == 1)
        {
            textClause = parts[0].Clause;
            foreach (var (kind, query) in parts[0].ByKind) byKind[kind] = query;
        }
        else
        {
            var together = new BooleanQuery();
            foreach (var part in parts) together.Add(part.Clause, Occur.MUST);
            textClause = together;
            foreach (var kind in new[] { MatchKind.Exact, MatchKind.Stem, MatchKind.Translit })
            {
                if (!parts.All(p => p.ByKind.ContainsKey(kind))) continue;
                var each = new BooleanQuery();
                foreach (var part in parts) each.Add(part.ByKind[kind], Occur.MUST);
                byKind[kind] = each;
            }
        }
        if (entity is null || parts.Count == 0) return entity ?? new Part(textClause, byKind);
        byKind[MatchKind.Entity] = entity.ByKind[MatchKind.Entity];
        return new Part(new DisjunctionMaxQuery(TieBreaker) { textClause, entity.Clause }, byKind);
    }

    private Part? WordPart(string word, QueryTerms terms)
    {
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        var byKind = new Dictionary<MatchKind, DisjunctionMaxQuery>();
        foreach (var rule in WordFields)
        {
            var tokens = StatementAnalyzer.Tokens(queryAnalyzer, rule.Field, word);
            if (FieldQuery(rule.Field, tokens) is not { } query) continue;
            foreach (var token in tokens) terms.Add(rule.Field, token.Term);
            query.Boost = rule.Boost;
            (rule.InTitle ? title : body).Add(query);
            if (!byKind.TryGetValue(rule.Kind, out var ofKind)) byKind[rule.Kind] = ofKind = new DisjunctionMaxQuery(TieBreaker);
            ofKind.Add(query);
        }
        if (byKind.Count == 0) return null;
        return new Part(TitleAndBody(title, body), byKind.ToDictionary(kv => kv.Key, kv => (Query)kv.Value));
    }

    private static Part EntityPart(string entityId, QueryTerms terms)
    {
        terms.EntityIds.Add(entityId);
        var title = new TermQuery(new Term(IndexFields.EntityTitle, entityId)) { Boost = EntityWeight };
        var body = new TermQuery(new Term(IndexFields.Entity, entityId)) { Boost = EntityWeight };
        var clause = TitleAndBody(new DisjunctionMaxQuery(TieBreaker) { title }, new DisjunctionMaxQuery(TieBreaker) { body });
        return new Part(clause, new Dictionary<MatchKind, Query> { [MatchKind.Entity] = body });
    }

    /// <summary>The best title match (counted double) plus the best body match.</summary>
    private static Query TitleAndBody(DisjunctionMaxQuery title, DisjunctionMaxQuery body)
    {
        var both = new BooleanQuery(disableCoord: true);
        if (title.Disjuncts.Count > 0)
        {
            title.Boost = TitleWeight;
            both.Add(title, Occur.SHOULD);
        }
        if (body.Disjuncts.Count > 0) both.Add(body, Occur.SHOULD);
        return both;
    }

    /// <summary>A term; alternatives at one position (a stem and a name key) of which the best counts; or a phrase.</summary>
    public static Query? FieldQuery(string field, List<AnalyzedToken> tokens)
    {
        if (tokens.Count == 0) return null;
        var positions = tokens.GroupBy(t => t.Position).OrderBy(g => g.Key).Select(g => g.Select(t => t.Term).Distinct().ToArray()).ToList();
        if (positions.Count == 1)
        {
            if (positions[0].Length == 1) return new TermQuery(new Term(field, positions[0][0]));
            var alternatives = new DisjunctionMaxQuery(0f);
            foreach (var term in positions[0]) alternatives.Add(new TermQuery(new Term(field, term)));
            return alternatives;
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
