using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Opens <see cref="ReadSession"/>s on the index in service: the read side's one way in, for the HTTP API and the operator commands alike.</summary>
public sealed class ReadSessions(IndexCatalog catalog, QueryBuilder queries, FacetLabels labels, TimeProvider? clock = null)
{
    internal IndexCatalog Catalog => catalog;

    internal FacetLabels Labels => labels;

    internal QueryLimits Limits => queries.Limits;

    internal QueryBuilder Queries => queries;

    internal TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    /// <summary>Whether relevance is blended across languages (<see cref="LanguageBlend"/>); off only to measure what it changes.</summary>
    public bool BlendLanguages { get; init; } = true;

    /// <summary>
    /// A session for <paramref name="request"/> on the current snapshot, or on the one a cursor pinned
    /// (<paramref name="snapshot"/>). The query is planned and its prefix expansions checked here, once.
    /// </summary>
    /// <exception cref="QuerySyntaxException">A strict query that breaks the syntax.</exception>
    /// <exception cref="QueryLimitException">A query over one of the explicit limits.</exception>
    /// <exception cref="SnapshotExpiredException">The cursor's snapshot has expired.</exception>
    public ReadSession Open(QueryRequest request, long? snapshot = null)
    {
        var plan = queries.Build(request.Query, request.Options);
        var index = catalog.Current;
        var pinned = catalog.Read(index, () => index.OpenSnapshot(snapshot)) ?? throw new SnapshotExpiredException();
        try
        {
            catalog.Read(index, () => CheckPrefixes(pinned.Searcher.IndexReader, plan.Terms));
            return new ReadSession(this, index, pinned, request, plan);
        }
        catch
        {
            pinned.Dispose();
            throw;
        }
    }

    /// <summary>Refuses a prefix* that stands for more indexed words than the limit allows.</summary>
    private bool CheckPrefixes(IndexReader reader, QueryTerms terms)
    {
        foreach (var (field, prefix) in terms.Prefixes)
        {
            var count = PrefixExpansions(reader, field, prefix, Limits.MaxPrefixExpansions + 1);
            if (count > Limits.MaxPrefixExpansions)
                throw new QueryLimitException(QueryLimit.PrefixExpansions,
                    $"{prefix}* matches more than {Limits.MaxPrefixExpansions} different words; make the prefix longer.");
        }
        return true;
    }

    private static int PrefixExpansions(IndexReader reader, string field, string prefix, int stopAt)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null) return 0;
        var target = new BytesRef(prefix);
        var enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(target) == TermsEnum.SeekStatus.END) return 0;
        var count = 0;
        do
        {
            if (!StringHelper.StartsWith(enumerator.Term, target)) break;
            if (++count >= stopAt) break;
        }
        while (enumerator.MoveNext());
        return count;
    }
}
