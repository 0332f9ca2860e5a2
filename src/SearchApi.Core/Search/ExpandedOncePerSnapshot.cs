using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// A typo's automaton query, expanded into the indexed forms it stands for once per index snapshot. A forgiving answer
/// runs the same query several times (the strict count, the tiers, how each hit matched, the highlighter), and walking
/// the term dictionary with a Levenshtein automaton is most of a typo's cost; plans are shared, so every session on the
/// snapshot reuses the expansion, and a new snapshot expands again.
/// </summary>
public sealed class ExpandedOncePerSnapshot(MultiTermQuery automaton) : Query
{
    private readonly ConditionalWeakTable<IndexReader, Query> _expanded = new();

    public override Query Rewrite(IndexReader reader) => _expanded.GetValue(reader, automaton.Rewrite);

    public override string ToString(string field) => automaton.ToString(field);

    public override bool Equals(object? obj) => obj is ExpandedOncePerSnapshot other && automaton.Equals(other.Automaton);

    public override int GetHashCode() => automaton.GetHashCode() ^ 0x5eed;

    public MultiTermQuery Automaton => automaton;
}
