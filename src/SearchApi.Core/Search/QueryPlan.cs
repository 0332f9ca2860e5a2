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

    public bool IsEmpty => _byField.Count == 0 && EntityIds.Count == 0;

    /// <summary>Entities the query names; their mentions are highlighted.</summary>
    public HashSet<string> EntityIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> ByField => _byField;
}

/// <summary>One query word (or a run of words naming one entity) and the query that finds it by each kind of match.</summary>
public sealed record WordPlan(string Text, IReadOnlyDictionary<MatchKind, Query> ByKind, string? EntityId);

/// <summary>A user's query as Lucene runs it, with what is needed to highlight hits and tell how they matched.</summary>
public sealed record QueryPlan(Query Query, bool MatchesAll, QueryTerms Terms, IReadOnlyList<WordPlan> Words);
