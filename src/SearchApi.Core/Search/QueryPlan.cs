using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>How a query word matched a statement, from the strongest evidence to the weakest.</summary>
public enum MatchKind
{
    /// <summary>The word as typed (lower case, ё = е).</summary>
    Exact,
    /// <summary>Another grammatical form of the word (stem, or the name key of a Russian name).</summary>
    Stem,
    /// <summary>The entity the word names, written another way or in the other language (CSTO = ОДКБ).</summary>
    Entity,
    /// <summary>The same name in the other script or another transliteration (Japarov = Жапаров).</summary>
    Translit,
    /// <summary>A translation of the word or term into the other language (санкции = sanctions), from the lexicon.</summary>
    Translation,
    /// <summary>A form in the index one or two edits away from the word as typed (Lavorv = Lavrov).</summary>
    Typo,
}

/// <summary>The terms a query looks for in each field; the highlighter marks exactly these.</summary>
public sealed class QueryTerms
{
    private static readonly HashSet<string> None = [];
    private readonly Dictionary<string, HashSet<string>> _byField = new(StringComparer.Ordinal);

    public void Add(string field, string term)
    {
        if (!_byField.TryGetValue(field, out var terms)) _byField[field] = terms = new HashSet<string>(StringComparer.Ordinal);
        terms.Add(term);
    }

    public IReadOnlySet<string> For(string field) => _byField.TryGetValue(field, out var terms) ? terms : None;

    public bool IsEmpty => _byField.Count == 0 && EntityIds.Count == 0 && Prefixes.Count == 0;

    /// <summary>Prefixes (prefix*) by field: any term starting with one matched.</summary>
    public List<(string Field, string Prefix)> Prefixes { get; } = [];

    /// <summary>Whether a term of a field matched: one of the field's terms or an extension of one of its prefixes.</summary>
    public bool Matches(string field, string term)
    {
        if (For(field).Contains(term)) return true;
        foreach (var (prefixField, prefix) in Prefixes)
            if (prefixField == field && term.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>These terms and <paramref name="extra"/> ones, as a new set (a plan's own terms are shared and never change).</summary>
    public QueryTerms With(IEnumerable<(string Field, string Term)> extra)
    {
        var copy = new QueryTerms();
        foreach (var (field, terms) in _byField)
            foreach (var term in terms) copy.Add(field, term);
        foreach (var (field, term) in extra) copy.Add(field, term);
        copy.Prefixes.AddRange(Prefixes);
        copy.EntityIds.UnionWith(EntityIds);
        return copy;
    }

    /// <summary>Entities the query names; their mentions are highlighted.</summary>
    public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> ByField => _byField;
}

/// <summary>
/// One query word, phrase or prefix (or a run of words naming one entity or spelling one multiword term): the query
/// that finds it by each kind of match, the terms it was analysed into per field and the translations it was given
/// (for the explain endpoint), and the edits a typo in it may be (0 for phrases, prefixes and entities).
/// </summary>
public sealed record WordPlan(
    string Text,
    IReadOnlyDictionary<MatchKind, Query> ByKind,
    string? EntityId,
    FieldScope Scope = FieldScope.All,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? FieldTerms = null,
    IReadOnlyList<Translation.TranslatedForm>? Translations = null,
    int TypoEdits = 0);

/// <summary>A user's query as Lucene runs it, with what is needed to highlight hits and tell how they matched.</summary>
/// <param name="Query">What a statement must match, and its score before the proximity bonus.</param>
/// <param name="Syntax">The parsed query; null for an empty one.</param>
/// <param name="Degraded">Set when the query broke the syntax and was read as plain words instead.</param>
/// <param name="Proximity">
/// For several words, the bonus for statements that have them close together; added to the scores of the best hits
/// only (<see cref="ProximityRescorer"/>), since it reads positions.
/// </param>
/// <param name="Conjunction">The query's top level as required units, when it is an AND of words, phrases and groups (the units a partial answer may miss).</param>
/// <param name="Typos">The typo expansions of a plan built with typos (rewritten on a snapshot to highlight what they found).</param>
/// <param name="Corrections">The words a typo may be in, with their exact form and the edits allowed (for "did you mean").</param>
public sealed record QueryPlan(
    Query Query,
    bool MatchesAll,
    QueryTerms Terms,
    IReadOnlyList<WordPlan> Words,
    QueryNode? Syntax = null,
    QuerySyntaxException? Degraded = null,
    Query? Proximity = null,
    Conjunction? Conjunction = null,
    IReadOnlyList<ExpandedOncePerSnapshot>? Typos = null,
    IReadOnlyList<TypoCandidate>? Corrections = null)
{
    /// <summary>The query with its proximity bonus, as one Lucene query (for explanations).</summary>
    public Query Scoring => Proximity is null
        ? Query
        : new BooleanQuery(disableCoord: true) { { Query, Occur.MUST }, { Proximity, Occur.SHOULD } };
}

/// <summary>How a query is read: whether a malformed one is refused, whether words are translated, whether typos are looked for.</summary>
/// <param name="TypoWords">With <paramref name="Typos"/>: only these words (separated by <see cref="WordSeparator"/>) may have one; null for every word.</param>
public readonly record struct PlanOptions(bool Strict = false, bool CrossLanguage = true, bool Typos = false, string? TypoWords = null)
{
    public const char WordSeparator = '\u001F';

    /// <summary>Whether a word of the query may have a typo in it.</summary>
    public bool MayHaveTypo(string word) => Typos && (TypoWords is null || TypoWords.Split(WordSeparator).Contains(word));
}

/// <summary>One required part of a query's top level: a word (or the words of one name or term), a phrase, a prefix or a group.</summary>
/// <param name="Text">As typed, for the words a hit misses.</param>
public sealed record QueryUnit(string Text, Query Query);

/// <summary>A word of the query a typo may be in: as typed, its exact form in the index, and the edits allowed.</summary>
public sealed record TypoCandidate(string Word, string Exact, int MaxEdits);

/// <summary>
/// The top level of a query as an AND: the units a statement must match, the parts it must not match, and the
/// function words that only add to the score. A partial answer relaxes the units (<see cref="AtLeast"/>,
/// <see cref="Exactly"/>); exclusions stay.
/// </summary>
public sealed record Conjunction(IReadOnlyList<QueryUnit> Units, IReadOnlyList<Query> Excluded, IReadOnlyList<Query> Optional)
{
    /// <summary>Every unit required: the query as written.</summary>
    public Query All()
    {
        // Without coordination: a statement that lacks an optional function word loses only that word's share of the score.
        var all = new BooleanQuery(disableCoord: true);
        foreach (var unit in Units) all.Add(unit.Query, Occur.MUST);
        // Function words are needed only when the query has nothing else to look for.
        var optional = Units.Count > 0 ? Occur.SHOULD : Occur.MUST;
        foreach (var word in Optional) all.Add(word, optional);
        foreach (var excluded in Excluded) all.Add(excluded, Occur.MUST_NOT);
        if (all.Clauses.All(c => c.Occur == Occur.MUST_NOT)) all.Add(new MatchAllDocsQuery(), Occur.MUST);
        return all.Clauses.Count == 1 ? all.Clauses[0].Query : all;
    }

    /// <summary>Statements that match at least <paramref name="count"/> of the units, scored by the units they match.</summary>
    public Query AtLeast(int count) => Relaxed(count, exactly: false);

    /// <summary>Statements that match exactly <paramref name="count"/> of the units: one tier of a partial answer.</summary>
    public Query Exactly(int count) => count >= Units.Count ? All() : Relaxed(count, exactly: true);

    private Query Relaxed(int count, bool exactly)
    {
        var query = new BooleanQuery(disableCoord: true) { { AnyOf(count), Occur.MUST } };
        if (exactly) query.Add(AnyOf(count + 1), Occur.MUST_NOT);
        foreach (var word in Optional) query.Add(word, Occur.SHOULD);
        foreach (var excluded in Excluded) query.Add(excluded, Occur.MUST_NOT);
        return query;
    }

    private BooleanQuery AnyOf(int count)
    {
        var any = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = count };
        foreach (var unit in Units) any.Add(unit.Query, Occur.SHOULD);
        return any;
    }
}

/// <summary>The explicit limits every query must keep.</summary>
/// <param name="MaxClauses">Most words, phrases and prefixes one query may hold.</param>
/// <param name="MaxPrefixExpansions">Most indexed words one prefix* may stand for.</param>
/// <param name="Timeout">Longest a search or facet count may run; null for no limit.</param>
public sealed record QueryLimits(int MaxClauses = 32, int MaxPrefixExpansions = 200, TimeSpan? Timeout = null);

/// <summary>Which explicit limit a query exceeded.</summary>
public enum QueryLimit
{
    /// <summary>More words, phrases and prefixes than <see cref="QueryLimits.MaxClauses"/>.</summary>
    Clauses,
    /// <summary>A prefix* that matches more indexed words than <see cref="QueryLimits.MaxPrefixExpansions"/>.</summary>
    PrefixExpansions,
}

public sealed class QueryLimitException(QueryLimit limit, string message) : Exception(message)
{
    public QueryLimit Limit { get; } = limit;
}
