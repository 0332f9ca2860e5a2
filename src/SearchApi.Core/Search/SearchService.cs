using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Whether a statement matches a query, and how.</summary>
/// <param name="Exists">Whether any statement has the id.</param>
public sealed record ExplainedStatement(string Id, bool Exists, bool Matches, float? Score, IReadOnlyList<MatchKind> MatchedBy);

/// <summary>How a query is read, and optionally how one statement fares against it.</summary>
public sealed record QueryExplanation(QueryPlan Plan, ExplainedStatement? Statement);

/// <summary>Answers searches from the index: one page of hits, with snippets, highlights and how each matched.</summary>
public sealed class SearchService(IndexCatalog catalog, QueryBuilder queries, TimeProvider? clock = null)
{
    /// <exception cref="QuerySyntaxException">A strict query that breaks the syntax.</exception>
    /// <exception cref="QueryLimitException">A query over one of the explicit limits.</exception>
    /// <exception cref="SnapshotExpiredException">A cursor whose snapshot has expired.</exception>
    public SearchResult Search(SearchRequest request) => catalog.Read(index => Search(index, request));

    private SearchResult Search(StatementIndex index, SearchRequest request)
    {
        var plan = queries.Build(request.Query, request.Strict);
        var filter = FilterOf(request.Filters);
        var sort = SortOrder.For(request.Sort);
        var after = request.After is { } cursor ? SortOrder.After(cursor.Position, request.Sort) : null;
        var snippetOptions = request.Snippets ?? SnippetOptions.Default;

        using var snapshot = index.OpenSnapshot(request.After?.Snapshot) ?? throw new SnapshotExpiredException();
        var searcher = snapshot.Searcher;
        CheckPrefixes(searcher.IndexReader, plan.Terms, queries.Limits);
        // One hit more than the page tells whether a next page exists.
        ScoreDoc[] found;
        int total;
        if (request.Sort == SearchSort.Relevance && plan.Proximity is not null)
            (found, total) = ProximityRescorer.Search(searcher, plan, filter, after, request.Limit + 1, queries.Limits.Timeout, clock ?? TimeProvider.System);
        else
        {
            var collector = TopFieldCollector.Create(sort, request.Limit + 1, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            DeadlineCollector.Search(searcher, plan.Query, filter, collector, queries.Limits.Timeout, clock ?? TimeProvider.System);
            var top = collector.GetTopDocs();
            (found, total) = (top.ScoreDocs, top.TotalHits);
        }
        var page = found.Length > request.Limit ? found[..request.Limit] : found;
        var docs = new int[page.Length];
        var statements = new IndexedStatement[page.Length];
        for (var i = 0; i < page.Length; i++)
        {
            docs[i] = page[i].Doc;
            // The text is read only to cut snippets from it.
            statements[i] = StatementDocuments.Read(searcher, docs[i], withText: snippetOptions.Count > 0);
        }
        var highlights = Highlighter.Highlight(searcher.IndexReader, docs, statements, plan.Terms, snippetOptions);
        var matchedBy = plan.MatchesAll ? null : MatchKinds.Of(searcher, plan, docs);
        var hits = new List<SearchHit>(page.Length);
        for (var i = 0; i < page.Length; i++)
            hits.Add(new SearchHit(
                statements[i],
                plan.MatchesAll ? 0 : page[i].Score,
                highlights[i].Snippets,
                SortOrder.PositionOf((FieldDoc)page[i], request.Sort),
                matchedBy?[i] ?? [],
                highlights[i].Title));
        var next = found.Length > request.Limit && hits.Count > 0 ? new Cursor(snapshot.Version, hits[^1].Position) : null;
        return new SearchResult(total, hits, next, plan.Degraded);
    }

    /// <summary>How a query is read and, given a statement id, whether and how that statement matches it.</summary>
    public QueryExplanation Explain(string query, bool strict, string? id)
    {
        var plan = queries.Build(query, strict);
        if (id is null) return new QueryExplanation(plan, null);
        return catalog.Read(index => Explain(index, plan, id));
    }

    private static QueryExplanation Explain(StatementIndex index, QueryPlan plan, string id)
    {
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var found = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        if (found.TotalHits == 0) return new QueryExplanation(plan, new ExplainedStatement(id, false, false, null, []));
        var doc = found.ScoreDocs[0].Doc;
        var weight = searcher.CreateNormalizedWeight(plan.Query);
        var matches = MatchKinds.Matches(searcher, weight, doc);
        var score = matches ? searcher.Explain(plan.Scoring, doc).Value : (float?)null;
        return new QueryExplanation(plan, new ExplainedStatement(id, true, matches, score, matches && !plan.MatchesAll ? MatchKinds.Of(searcher, plan, [doc])[0] : []));
    }

    /// <summary>The version of the index searches see now; changes with every write that becomes visible.</summary>
    public long CurrentVersion() => catalog.Read(index =>
    {
        using var lease = index.Acquire();
        return ((DirectoryReader)lease.Searcher.IndexReader).Version;
    });

    public static QueryWrapperFilter? FilterOf(SearchFilters filters) =>
        FilterQuery.Build(filters) is { } query ? new QueryWrapperFilter(query) : null;

    /// <summary>Refuses a prefix* that stands for more indexed words than the limit allows.</summary>
    public static bool CheckPrefixes(IndexReader reader, QueryTerms terms, QueryLimits limits)
    {
        foreach (var (field, prefix) in terms.Prefixes)
        {
            var count = PrefixExpansions(reader, field, prefix, limits.MaxPrefixExpansions + 1);
            if (count > limits.MaxPrefixExpansions)
                throw new QueryLimitException(QueryLimit.PrefixExpansions,
                    $"{prefix}* matches more than {limits.MaxPrefixExpansions} different words; make the prefix longer.");
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
