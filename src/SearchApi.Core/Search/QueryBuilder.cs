using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;
using SearchApi.Core.Translation;

namespace SearchApi.Core.Search;

/// <summary>
/// Turns a parsed query (<see cref="QuerySyntax"/>) into a Lucene query. Each word is analysed for both languages and
/// may match as typed (exact fields), in another form (English and Russian stems, Russian name keys), as the entity
/// it names (in either language) or as a transliterated name. A word scores its best match in the title (counted
/// double) plus its best match in the body; exact forms count a little more than other forms, entities and
/// transliterations less; words next to each other as typed earn a bonus. Phrases match the exact words in order;
/// prefixes match the exact forms they begin. Across languages (<paramref name="translator"/>), each content word and
/// multiword term also matches its translations in the other language's stemmed fields, below every other kind of
/// match; function words ("the", "what", "о") never make a statement miss when the query has other words.
/// </summary>
public sealed class QueryBuilder(Analyzer queryAnalyzer, EntityLinker linker, QueryLimits? limits = null, QueryTranslator? translator = null)
{
    public QueryLimits Limits { get; } = limits ?? new QueryLimits();

    /// <summary>The stem a word is searched under in its language's stemmed fields (the first term the query chain gives it).</summary>
    public string? Stem(string lang, string word) =>
        StatementAnalyzer.Tokens(queryAnalyzer, IndexFields.Text(lang), word) is { Count: > 0 } tokens ? tokens[0].Term : null;

    /// <summary>The builder the service runs: query analysis, the linker's names, and translation through the shipped lexicon.</summary>
    public static QueryBuilder Standard(EntityLinker linker, QueryLimits? limits = null) =>
        new(StatementAnalyzer.Create(AnalysisMode.Query), linker, limits, new QueryTranslator(Lexicon.Embedded));

    private const float TieBreaker = 0.1f;
    private const float TitleWeight = 2f;
    private const float ExactWeight = 1.3f;
    private const float EntityWeight = 0.8f;
    private const float TranslitWeight = 0.5f;
    private const float TranslationWeight = 0.6f;
    private const float TypoWeight = 0.4f;

    /// <summary>Most indexed forms one word with a typo may stand for, per field (the closest and most frequent first).</summary>
    public const int MaxTypoExpansions = 50;
    // The words of a multiword term translated one by one count less than the term's own translation: "state visit"
    // is «государственный визит», and «визит в Государственный музей» only a weak match of it. So only their usual
    // translations are looked for.
    private const float TermWordByWord = 0.5f;
    private const int TermWordByWordForms = 1;

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

    /// <summary>
    /// A word's (or a named entity's, or a term's translations') scoring clause, its query per kind of match, its terms
    /// per field and the translations it was given. An optional part (a function word) adds to the score but is not needed.
    /// </summary>
    private sealed record Part(
        Query Clause,
        Dictionary<MatchKind, Query> ByKind,
        Dictionary<string, List<string>>? FieldTerms = null,
        IReadOnlyList<TranslatedForm>? Translations = null,
        bool Optional = false);

    /// <summary>What the building collects for highlighting and for matchedBy; excluded words are not collected.</summary>
    private sealed class Collected(PlanOptions options)
    {
        public bool CrossLanguage { get; } = options.CrossLanguage;
        public bool Typos { get; } = options.Typos;
        public PlanOptions Options { get; } = options;
        public QueryTerms Terms { get; } = new();
        public List<WordPlan> Words { get; } = [];
        public List<ExpandedOncePerSnapshot> Fuzzy { get; } = [];
        public List<TypoCandidate> Corrections { get; } = [];
    }

    /// <summary>Consecutive query words read as one: the words of one named entity, or of one multiword term of the lexicon.</summary>
    private sealed record WordGroup(List<string> Words, QueryEntitySpan? Span, IReadOnlyList<TranslatedForm>? Term = null);

    // Plans depend only on the text (analysis and the gazetteer are fixed), and nothing changes a plan once built.
    private const int CachedPlans = 4_096;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, PlanOptions Options), QueryPlan> _plans = new();

    /// <summary>
    /// Builds the plan for a query; a malformed query is read as plain words unless <paramref name="strict"/>; words are
    /// also looked for in translation unless <paramref name="crossLanguage"/> is false.
    /// </summary>
    /// <exception cref="QuerySyntaxException">When strict and the query breaks the syntax.</exception>
    /// <exception cref="QueryLimitException">When the query holds more words than <see cref="QueryLimits.MaxClauses"/>.</exception>
    public QueryPlan Build(string text, bool strict = false, bool crossLanguage = true) => Build(text, new PlanOptions(strict, crossLanguage));

    /// <summary>Builds the plan for a query read with <paramref name="options"/>; with typos, each word long enough also matches forms an edit or two away.</summary>
    /// <exception cref="QuerySyntaxException">When strict and the query breaks the syntax.</exception>
    /// <exception cref="QueryLimitException">When the query holds more words than <see cref="QueryLimits.MaxClauses"/>.</exception>
    public QueryPlan Build(string text, PlanOptions options)
    {
        var key = (text, options with { CrossLanguage = options.CrossLanguage && translator is not null });
        if (_plans.TryGetValue(key, out var cached)) return cached;
        var plan = BuildPlan(text, key.Item2);
        // A full cache starts again rather than tracking use: cheap, and repeated queries refill it at once.
        if (_plans.Count >= CachedPlans) _plans.Clear();
        _plans[key] = plan;
        return plan;
    }

    private QueryPlan BuildPlan(string text, PlanOptions options)
    {
        // Queries follow the text rule of statements (NFC, no noncharacters or broken surrogates), so they meet the
        // indexed forms.
        text = Parsing.TextNormalizer.NormalizeLine(text);
        QuerySyntaxException? degraded = null;
        var root = options.Strict ? QuerySyntax.ParseStrict(text) : QuerySyntax.Parse(text, out degraded);
        var collected = new Collected(options);
        if (root is null) return new QueryPlan(new MatchAllDocsQuery(), true, collected.Terms, collected.Words, null, degraded);
        var clauses = Leaves(root);
        if (clauses > Limits.MaxClauses)
            throw new QueryLimitException(QueryLimit.Clauses, $"The query holds {clauses} words, phrases and prefixes; the limit is {Limits.MaxClauses}.");

        // A top level of words, phrases and groups is kept as its units, which a partial answer may relax.
        var conjunction = root is OrNode ? null : All(root is AndNode and ? and.Children : [root], collected, positive: true);
        var query = conjunction?.All() ?? Node(root, collected, positive: true);
        return new QueryPlan(query, false, collected.Terms, collected.Words, root, degraded, Proximity(PlainRun(root)),
            conjunction, collected.Fuzzy, collected.Corrections);
    }

    private static int Leaves(QueryNode node) => node switch
    {
        AndNode and => and.Children.Sum(Leaves),
        OrNode or => or.Children.Sum(Leaves),
        NotNode not => Leaves(not.Child),
        _ => 1,
    };

    private Query Node(QueryNode node, Collected collected, bool positive)
    {
        switch (node)
        {
            case AndNode and:
                return All(and.Children, collected, positive).All();
            case OrNode or:
                var any = new BooleanQuery(disableCoord: true);
                foreach (var child in or.Children) any.Add(Node(child, collected, positive), Occur.SHOULD);
                return any;
            case NotNode not:
                return new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { Node(not.Child, collected, positive: false), Occur.MUST_NOT } };
            default:
                return All([node], collected, positive).All();
        }
    }

    /// <summary>Every part must match, excluded parts must not. Runs of plain words are read together, so a name of several words can be recognised.</summary>
    private Conjunction All(IReadOnlyList<QueryNode> children, Collected collected, bool positive)
    {
        var required = new List<QueryUnit>();
        var excluded = new List<Query>();
        var optional = new List<Query>();
        var run = new List<TermNode>();
        void FlushRun()
        {
            foreach (var (unit, isOptional, text) in Units(run, collected, positive))
                if (isOptional) optional.Add(unit);
                else required.Add(new QueryUnit(text, unit));
            run.Clear();
        }
        foreach (var child in children)
        {
            if (child is TermNode { Prefix: false } term && (run.Count == 0 || run[0].Scope == term.Scope))
            {
                run.Add(term);
                continue;
            }
            FlushRun();
            if (child is TermNode { Prefix: false } next)
            {
                run.Add(next);
                continue;
            }
            switch (child)
            {
                case NotNode not:
                    excluded.Add(Node(not.Child, collected, positive: false));
                    break;
                case TermNode prefix:
                    required.Add(new QueryUnit(QuerySyntax.Text(prefix), PrefixPart(prefix, collected, positive)));
                    break;
                case PhraseNode phrase:
                    if (PhrasePart(phrase, collected, positive) is { } phraseQuery) required.Add(new QueryUnit(QuerySyntax.Text(phrase), phraseQuery));
                    break;
                default:
                    required.Add(new QueryUnit(QuerySyntax.Text(child), Node(child, collected, positive)));
                    break;
            }
        }
        FlushRun();
        return new Conjunction(required, excluded, optional);
    }

    /// <summary>
    /// The words of a run: consecutive words that name one entity form one unit that the entity alone can satisfy, and
    /// the words of a multiword term one unit that the term's translation can satisfy. A unit of function words only is optional.
    /// </summary>
    private List<(Query Unit, bool Optional, string Text)> Units(List<TermNode> run, Collected collected, bool positive)
    {
        var units = new List<(Query, bool, string)>();
        if (run.Count == 0) return units;
        var scope = run[0].Scope;
        var text = string.Join(' ', run.Select(t => t.Text));
        var spans = linker.LinkQuery(text);
        var offset = 0;
        var grouped = new List<WordGroup>();
        foreach (var term in run)
        {
            var (start, end) = (offset, offset + term.Text.Length);
            offset = end + 1;
            var span = spans.FirstOrDefault(s => start < s.End && end > s.Start);
            if (span is not null && grouped.Count > 0 && ReferenceEquals(grouped[^1].Span, span)) grouped[^1].Words.Add(term.Text);
            else grouped.Add(new WordGroup([term.Text], span));
        }
        if (collected.CrossLanguage && translator is not null) grouped = WithTerms(grouped, translator);
        foreach (var group in grouped)
        {
            // Words that name an entity cross languages as the entity; other words through their translations.
            var translate = collected.CrossLanguage && group.Span is null;
            var wordByWord = group.Term is null ? 1f : TermWordByWord;
            // Typos in the words of a name the gazetteer found are no typos.
            var typos = collected.Typos && group.Span is null;
            var parts = group.Words.Select(w => WordPart(w, scope, collected, positive, translate ? wordByWord : 0f, typos)).OfType<Part>().ToList();
            var entity = group.Span is null ? null : EntityPart(group.Span.EntityId, scope, collected.Terms, positive);
            var term = group.Term is { Count: > 0 } forms ? TranslationPart(forms, scope, collected.Terms, positive) : null;
            if (parts.Count == 0 && entity is null && term is null) continue;
            var unit = Combine(parts, entity, term);
            units.Add((unit.Clause, unit.Optional, string.Join(' ', group.Words)));
            if (positive)
            {
                var translations = parts.SelectMany(p => p.Translations ?? []).Concat(term?.Translations ?? []).ToList();
                collected.Words.Add(new WordPlan(string.Join(' ', group.Words), unit.ByKind, group.Span?.EntityId, scope, MergeTerms(parts), translations,
                    group.Span?.EntityId is null ? group.Words.Max(TypoEdits) : 0));
            }
        }
        return units;
    }

    /// <summary>Joins single words outside entities into multiword terms of the lexicon, longest first, left to right.</summary>
    private static List<WordGroup> WithTerms(List<WordGroup> groups, QueryTranslator translator)
    {
        var result = new List<WordGroup>(groups.Count);
        var i = 0;
        while (i < groups.Count)
        {
            var free = groups.Skip(i).TakeWhile(g => g.Span is null).Select(g => g.Words[0]).ToList();
            if (free.Count >= 2 && translator.Term(free, 0) is { } term)
            {
                result.Add(new WordGroup(free.Take(term.Length).ToList(), null, term.Forms));
                i += term.Length;
                continue;
            }
            result.Add(groups[i]);
            i++;
        }
        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> MergeTerms(IEnumerable<Part> parts)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (field, terms) in part.FieldTerms ?? [])
                merged[field] = [.. merged.GetValueOrDefault(field) ?? [], .. terms];
        return merged;
    }

    private static readonly MatchKind[] WordKinds = [MatchKind.Exact, MatchKind.Stem, MatchKind.Translit, MatchKind.Translation, MatchKind.Typo];

    /// <summary>
    /// Every word must match (function words among others may); or the entity the words name; or — adding to the
    /// words' score when both match — the translation of the term they spell.
    /// </summary>
    private static Part Combine(List<Part> parts, Part? entity, Part? term)
    {
        var words = Words(parts, entity);
        if (term is null) return words ?? throw new InvalidOperationException("A unit has words, an entity or a term.");
        if (words is null) return term;
        var either = new BooleanQuery(disableCoord: true) { { words.Clause, Occur.SHOULD }, { term.Clause, Occur.SHOULD } };
        var byKind = new Dictionary<MatchKind, Query>(words.ByKind);
        var translated = term.ByKind[MatchKind.Translation];
        byKind[MatchKind.Translation] = words.ByKind.TryGetValue(MatchKind.Translation, out var wordByWord)
            ? new BooleanQuery(disableCoord: true) { { wordByWord, Occur.SHOULD }, { translated, Occur.SHOULD } }
            : translated;
        return new Part(either, byKind, words.FieldTerms);
    }

    private static Part? Words(List<Part> parts, Part? entity)
    {
        if (parts.Count == 1 && entity is null) return parts[0];
        if (parts.Count == 0) return entity;
        Query textClause;
        var byKind = new Dictionary<MatchKind, Query>();
        var optional = parts.All(p => p.Optional);
        if (parts.Count == 1)
        {
            textClause = parts[0].Clause;
            foreach (var (kind, query) in parts[0].ByKind) byKind[kind] = query;
        }
        else
        {
            var together = new BooleanQuery(disableCoord: true);
            foreach (var part in parts) together.Add(part.Clause, part.Optional && !optional ? Occur.SHOULD : Occur.MUST);
            textClause = together;
            var required = optional ? parts : parts.Where(p => !p.Optional).ToList();
            foreach (var kind in WordKinds)
            {
                if (!required.All(p => p.ByKind.ContainsKey(kind))) continue;
                var each = new BooleanQuery();
                foreach (var part in required) each.Add(part.ByKind[kind], Occur.MUST);
                byKind[kind] = each;
            }
        }
        if (entity is null) return new Part(textClause, byKind, Optional: optional);
        byKind[MatchKind.Entity] = entity.ByKind[MatchKind.Entity];
        return new Part(new DisjunctionMaxQuery(TieBreaker) { textClause, entity.Clause }, byKind);
    }

    /// <param name="translation">The weight of the word's translations relative to a lone word's (0: not translated).</param>
    /// <param name="typos">Whether the word also matches forms an edit or two away (<see cref="TypoEdits"/>).</param>
    private Part? WordPart(string word, FieldScope scope, Collected collected, bool positive, float translation, bool typos)
    {
        var terms = collected.Terms;
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        var byKind = new Dictionary<MatchKind, DisjunctionMaxQuery>();
        var fieldTerms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in WordFields)
        {
            if (!InScope(rule.InTitle, scope)) continue;
            var tokens = StatementAnalyzer.Tokens(queryAnalyzer, rule.Field, word);
            if (FieldQuery(rule.Field, tokens) is not { } query) continue;
            fieldTerms[rule.Field] = tokens.Select(t => t.Term).Distinct().ToList();
            if (positive) foreach (var token in tokens) terms.Add(rule.Field, token.Term);
            query.Boost = rule.Boost;
            (rule.InTitle ? title : body).Add(query);
            if (!byKind.TryGetValue(rule.Kind, out var ofKind)) byKind[rule.Kind] = ofKind = new DisjunctionMaxQuery(TieBreaker);
            ofKind.Add(query);
        }
        if (byKind.Count == 0) return null;
        IReadOnlyList<TranslatedForm> translations = translation > 0 && translator is not null ? translator.Word(word) : [];
        if (translation < 1f) translations = [.. translations.Take(TermWordByWordForms)];
        if (translations.Count > 0)
        {
            var translated = new DisjunctionMaxQuery(TieBreaker);
            AddTranslations(translations, scope, terms, positive, title, body, translated, translation);
            byKind[MatchKind.Translation] = translated;
        }
        if (typos && collected.Options.MayHaveTypo(word) && TypoEdits(word) is > 0 and var edits)
        {
            var typo = new DisjunctionMaxQuery(TieBreaker);
            foreach (var (field, inTitle) in TypoFields(word))
            {
                if (!InScope(inTitle, scope)) continue;
                // The word's form as typed, and its stem (the first term: a Russian word may also give a name key).
                var tokens = StatementAnalyzer.Tokens(queryAnalyzer, field, word);
                if (tokens.Count == 0 || (tokens.Count > 1 && IndexFields.IsExact(field))) continue;
                foreach (var (maxEdits, prefix) in TypoAutomata(edits))
                {
                    var fuzzy = new ExpandedOncePerSnapshot(new FuzzyQuery(new Term(field, tokens[0].Term), maxEdits, prefix, MaxTypoExpansions, transpositions: true) { Boost = TypoWeight });
                    (inTitle ? title : body).Add(fuzzy);
                    typo.Add(fuzzy);
                    if (positive) collected.Fuzzy.Add(fuzzy);
                }
                if (positive && field == IndexFields.Exact) collected.Corrections.Add(new TypoCandidate(word, tokens[0].Term, edits));
            }
            // A name with a typo in it is its entity too, in either language: «Lavorv» finds «Лавров».
            foreach (var entityId in linker.LinkTypo(word, edits))
            {
                var entity = EntityPart(entityId, scope, terms, positive);
                var weighted = new BooleanQuery(disableCoord: true) { { entity.Clause, Occur.MUST } };
                weighted.Boost = TypoWeight;
                body.Add(weighted);
                typo.Add(weighted);
            }
            if (typo.Disjuncts.Count > 0) byKind[MatchKind.Typo] = typo;
        }
        return new Part(TitleAndBody(title, body), byKind.ToDictionary(kv => kv.Key, kv => (Query)kv.Value), fieldTerms, translations,
            Optional: QueryTranslator.IsFunctionWord(word));
    }

    /// <summary>
    /// Where a typo is looked for: the forms as written, and the stems of the word's own language (so «Пескоаым» finds
    /// «Пескова» through the stem «песков»). Not transliteration keys: they are short and loose, and an edit there
    /// lands on other names.
    /// </summary>
    private static (string Field, bool InTitle)[] TypoFields(string word) =>
        QueryTranslator.LanguageOf(word) is { } lang
            ? [(IndexFields.ExactTitle, true), (IndexFields.Exact, false), (IndexFields.Title(lang), true), (IndexFields.Text(lang), false)]
            : [(IndexFields.ExactTitle, true), (IndexFields.Exact, false)];

    /// <summary>
    /// The Levenshtein automata a word with this many edits is looked for by: one edit anywhere, and for long words also
    /// two edits after an unchanged first letter. A second edit with the first letter changed is not looked for: that
    /// automaton walks every branch of the term dictionary two letters deep (most of a cold typo's cost) for slips that
    /// are rare, and Meilisearch too counts a first-letter typo as two.
    /// </summary>
    public static (int MaxEdits, int PrefixLength)[] TypoAutomata(int edits) => edits >= 2 ? [(edits, 1), (1, 0)] : [(edits, 0)];

    /// <summary>
    /// The edits a typo in this word may be (a transposition counts as one): one for five letters or more, two for nine
    /// or more; none for shorter words, numbers and words with digits, and function words.
    /// </summary>
    public static int TypoEdits(string word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) return 0;
            if (char.IsLetter(c)) letters++;
        }
        if (QueryTranslator.IsFunctionWord(word)) return 0;
        return letters >= 9 ? 2 : letters >= 5 ? 1 : 0;
    }

    /// <summary>A multiword term's translations, each a phrase in the other language's stemmed title and body.</summary>
    private static Part TranslationPart(IReadOnlyList<TranslatedForm> forms, FieldScope scope, QueryTerms terms, bool positive)
    {
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        var translated = new DisjunctionMaxQuery(TieBreaker);
        AddTranslations(forms, scope, terms, positive, title, body, translated, 1f);
        return new Part(TitleAndBody(title, body), new Dictionary<MatchKind, Query> { [MatchKind.Translation] = translated }, Translations: forms);
    }

    /// <summary>Adds each translation, in the other language's stemmed title and body, weighted below every other kind of match.</summary>
    private static void AddTranslations(IReadOnlyList<TranslatedForm> forms, FieldScope scope, QueryTerms terms, bool positive,
        DisjunctionMaxQuery title, DisjunctionMaxQuery body, DisjunctionMaxQuery byKind, float scale)
    {
        foreach (var form in forms)
            foreach (var (field, inTitle) in form.Exact
                ? new[] { (IndexFields.ExactTitle, true), (IndexFields.Exact, false) }
                : [(IndexFields.Title(form.To), true), (IndexFields.Text(form.To), false)])
            {
                if (!InScope(inTitle, scope)) continue;
                var query = TranslationQuery(field, form.Positions);
                query.Boost = TranslationWeight * form.Weight * scale;
                (inTitle ? title : body).Add(query);
                byKind.Add(query);
                if (positive) foreach (var stem in form.Positions.SelectMany(p => p.Stems)) terms.Add(field, stem);
            }
    }

    /// <summary>One stem; alternative stems at one position (the best counts); or a phrase of positions with their alternatives.</summary>
    private static Query TranslationQuery(string field, IReadOnlyList<TranslatedPosition> positions)
    {
        if (positions.Count == 1)
        {
            var stems = positions[0].Stems;
            if (stems.Count == 1) return new TermQuery(new Term(field, stems[0]));
            var alternatives = new DisjunctionMaxQuery(0f);
            foreach (var stem in stems) alternatives.Add(new TermQuery(new Term(field, stem)));
            return alternatives;
        }
        var phrase = new MultiPhraseQuery();
        foreach (var position in positions) phrase.Add(position.Stems.Select(t => new Term(field, t)).ToArray(), position.Offset);
        return phrase;
    }

    private static Part EntityPart(string entityId, FieldScope scope, QueryTerms terms, bool positive)
    {
        if (positive) terms.EntityIds.Add(entityId);
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        if (scope != FieldScope.Text) title.Add(new TermQuery(new Term(IndexFields.EntityTitle, entityId)) { Boost = EntityWeight });
        var bodyField = scope == FieldScope.Title ? IndexFields.EntityTitle : IndexFields.Entity;
        if (scope != FieldScope.Title) body.Add(new TermQuery(new Term(bodyField, entityId)) { Boost = EntityWeight });
        var kindQuery = new TermQuery(new Term(bodyField, entityId));
        return new Part(TitleAndBody(title, body), new Dictionary<MatchKind, Query> { [MatchKind.Entity] = kindQuery });
    }

    /// <summary>prefix*: every exact form that begins with the prefix.</summary>
    private Query PrefixPart(TermNode term, Collected collected, bool positive)
    {
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        var fieldTerms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, inTitle) in new[] { (IndexFields.ExactTitle, true), (IndexFields.Exact, false) })
        {
            if (!InScope(inTitle, scope: term.Scope)) continue;
            var tokens = StatementAnalyzer.Tokens(queryAnalyzer, field, term.Text);
            if (tokens.Count == 0) continue;
            // A prefix the analyzer splits ("co-oper*") matches the words before it as they are and the last as a prefix.
            var prefix = tokens[^1].Term;
            Query query = new PrefixQuery(new Term(field, prefix)) { Boost = ExactWeight };
            if (tokens.Count > 1)
            {
                var phrase = new MultiPhraseQuery();
                foreach (var token in tokens.Take(tokens.Count - 1)) phrase.Add(new Term(field, token.Term));
                var both = new BooleanQuery { { phrase, Occur.MUST }, { query, Occur.MUST } };
                query = both;
            }
            fieldTerms[field] = [.. tokens.Take(tokens.Count - 1).Select(t => t.Term), prefix + "*"];
            if (positive)
            {
                collected.Terms.Prefixes.Add((field, prefix));
                foreach (var token in tokens.Take(tokens.Count - 1)) collected.Terms.Add(field, token.Term);
            }
            (inTitle ? title : body).Add(query);
        }
        var clause = TitleAndBody(title, body);
        if (positive) collected.Words.Add(new WordPlan(term.Text + "*", new Dictionary<MatchKind, Query> { [MatchKind.Exact] = clause }, null, term.Scope, fieldTerms));
        return clause;
    }

    /// <summary>"exact phrase": the words as written (case and ё/е aside), in this order.</summary>
    private Query? PhrasePart(PhraseNode phrase, Collected collected, bool positive)
    {
        var text = string.Join(' ', phrase.Words);
        var title = new DisjunctionMaxQuery(TieBreaker);
        var body = new DisjunctionMaxQuery(TieBreaker);
        var fieldTerms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (field, inTitle) in new[] { (IndexFields.ExactTitle, true), (IndexFields.Exact, false) })
        {
            if (!InScope(inTitle, phrase.Scope)) continue;
            var tokens = StatementAnalyzer.Tokens(queryAnalyzer, field, text);
            if (FieldQuery(field, tokens) is not { } query) continue;
            fieldTerms[field] = tokens.Select(t => t.Term).ToList();
            if (positive) foreach (var token in tokens) collected.Terms.Add(field, token.Term);
            query.Boost = ExactWeight;
            (inTitle ? title : body).Add(query);
        }
        if (title.Disjuncts.Count == 0 && body.Disjuncts.Count == 0) return null;
        var clause = TitleAndBody(title, body);
        if (positive) collected.Words.Add(new WordPlan("\"" + text + "\"", new Dictionary<MatchKind, Query> { [MatchKind.Exact] = clause }, null, phrase.Scope, fieldTerms));
        return clause;
    }

    private static bool InScope(bool inTitle, FieldScope scope) =>
        scope == FieldScope.All || (scope == FieldScope.Title) == inTitle;

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

    /// <summary>The plain words of the query's top level in order (no prefixes, phrases, scopes, alternatives or exclusions).</summary>
    private static List<string> PlainRun(QueryNode root)
    {
        var children = root is AndNode and ? and.Children : [root];
        return children.All(c => c is TermNode { Prefix: false, Scope: FieldScope.All })
            ? children.Cast<TermNode>().Select(t => t.Text).ToList()
            : [];
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
}
