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

    /// <summary>Entities the query names; their mentions are highlighted.</summary>
    public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> ByField => _byField;
}

/// <summary>
/// One query word, phrase or prefix (or a run of words naming one entity or spelling one multiword term): the query
/// that finds it by each kind of match, the terms it was analysed into per field and the translations it was given
/// (for the explain endpoint).
/// </summary>
public sealed record WordPlan(
    string Text,
    IReadOnlyDictionary<MatchKind, Query> ByKind,
    string? EntityId,
    FieldScope Scope = FieldScope.All,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? FieldTerms = null,
    IReadOnlyList<Translation.TranslatedForm>? Translations = null);

/// <summary>A user's query as Lucene runs it, with what is needed to highlight hits and tell how they matched.</summary>
/// <param name="Query">What a statement must match, and its score before the proximity bonus.</param>
/// <param name="Syntax">The parsed query; null for an empty one.</param>
/// <param name="Degraded">Set when the query broke the syntax and was read as plain words instead.</param>
/// <param name="Proximity">
/// For several words, the bonus for statements that have them close together; added to the scores of the best hits
/// only (<see cref="ProximityRescorer"/>), since it reads positions.
/// </param>
public sealed record QueryPlan(
    Query Query,
    bool MatchesAll,
    QueryTerms Terms,
    IReadOnlyList<WordPlan> Words,
    QueryNode? Syntax = null,
    QuerySyntaxException? Degraded = null,
    Query? Proximity = null)
{
    /// <summary>The query with its proximity bonus, as one Lucene query (for explanations).</summary>
    public Query Scoring => Proximity is null
        ? Query
        : new BooleanQuery(disableCoord: true) { { Query, Occur.MUST }, { Proximity, Occur.SHOULD } };
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
