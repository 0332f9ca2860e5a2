using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>
/// Values of a facet field whose value or name (English or Russian, any word of it) begins with a prefix, most
/// frequent first, with exact counts over all statements: autocomplete for filters.
/// </summary>
public sealed class FacetValueSearch(IndexCatalog catalog, FacetLabels labels, Gazetteer gazetteer)
{
    public IReadOnlyList<FacetValue> Find(string field, string prefix, int size)
    {
        var folded = LinkTokens.Fold(prefix.Trim());
        return catalog.Read(index =>
        {
            using var lease = index.Acquire();
            var searcher = lease.Searcher;
            var candidates = IndexFields.EntityFacets.Contains(field)
                ? gazetteer.Entries.Values.Where(e => e.Type == field && NameStartsWith(EntityNames(e), folded)).Select(e => e.Id)
                : IndexedValues(searcher.IndexReader, field).Where(v => NameStartsWith([v, .. Names(labels.For(field, v))], folded));
            return candidates
                .Select(value => new FacetCount(value, FacetCounts.Matches(searcher, new TermQuery(new Term(field, value)), SearchFilters.None)))
                .Where(c => c.Count > 0)
                .OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
                .Take(size)
                .Select(c => FacetCounts.Describe(labels, field, c))
                .ToList();
        });
    }

    private static IEnumerable<string> IndexedValues(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) yield break;
        var enumerator = terms.GetEnumerator();
        while (enumerator.MoveNext()) yield return enumerator.Term.Utf8ToString();
    }

    private static IEnumerable<string> Names(Statements.EntityLabels labels) => [labels.En, labels.Ru];

    private static List<string> EntityNames(GazetteerEntry entry) =>
        [entry.Label.En ?? "", entry.Label.Ru ?? "", entry.Abbr?.En ?? "", entry.Abbr?.Ru ?? "", .. entry.Names.All, .. entry.Surnames?.All ?? []];

    private static bool NameStartsWith(IEnumerable<string> names, string foldedPrefix)
    {
        if (foldedPrefix.Length == 0) return true;
        foreach (var name in names)
        {
            var folded = LinkTokens.Fold(name);
            if (folded.StartsWith(foldedPrefix, StringComparison.Ordinal)) return true;
            foreach (var word in folded.Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries))
                if (word.StartsWith(foldedPrefix, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
