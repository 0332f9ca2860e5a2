using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchApi.Core.Search;

/// <summary>
/// What a session answers a query with. When at least <see cref="ReadSession.FewHits"/> statements have every word as
/// typed (in any form, entity or translation), those. Otherwise the query is read forgivingly: words of five letters or
/// more also match forms an edit or two away (unless typos=false), and — unless match=all — statements that miss some
/// of the words follow the ones that have them all, in tiers by how many they match (at least half of them). Chosen
/// once per session from early counts on its snapshot, so every page and the export of one walk get the same answer.
/// </summary>
internal sealed class QueryAnswer
{
    private QueryAnswer(QueryPlan plan, IReadOnlyList<Query> tiers, Query union, QueryTerms terms, int strictCount, int allWords = ReadSession.FewHits)
    {
        AllWords = allWords;
        Plan = plan;
        Tiers = tiers;
        Union = union;
        Terms = terms;
        StrictCount = strictCount;
    }

    /// <summary>The plan the answer runs: the request's, or the same with typos.</summary>
    public QueryPlan Plan { get; }

    /// <summary>The queries a walk goes through in order: every word first, then one word fewer, and so on.</summary>
    public IReadOnlyList<Query> Tiers { get; }

    /// <summary>Every statement of the answer, for totals, facets and explanations.</summary>
    public Query Union { get; }

    /// <summary>What hits are highlighted with: the plan's terms and the indexed forms its typos stand for.</summary>
    public QueryTerms Terms { get; }

    /// <summary>How many statements have every word as typed, counted up to <see cref="ReadSession.FewHits"/>.</summary>
    public int StrictCount { get; }

    /// <summary>How many statements have every word, typos allowed, counted up to <see cref="ReadSession.FewHits"/>.</summary>
    public int AllWords { get; }

    /// <summary>Whether statements that miss words may be in the answer.</summary>
    public bool Partial => Tiers.Count > 1;

    /// <summary>The answer of a query enough statements match as typed: its own plan, one tier.</summary>
    public static QueryAnswer AsTyped(QueryPlan plan, int strictCount) => new(plan, [plan.Query], plan.Query, plan.Terms, strictCount);

    /// <param name="strictCount">How many statements match as typed, when the caller has counted them already.</param>
    public static QueryAnswer Choose(IndexSearcher searcher, Filter? filter, QueryPlan plan, QueryRequest request, QueryBuilder queries, TimeProvider clock, int? strictCount = null)
    {
        if (plan.MatchesAll) return AsTyped(plan, ReadSession.FewHits);
        var timeout = queries.Limits.Timeout;
        var strict = Math.Min(strictCount ?? EarlyCount(searcher, plan.Query, filter, ReadSession.FewHits, timeout, clock), ReadSession.FewHits);
        if (strict >= ReadSession.FewHits) return AsTyped(plan, strict);

        // Only words the index has in no form are read as typos: a rare word spelled right is left alone.
        var unknown = request.Typos ? UnknownWords(searcher.IndexReader, queries.Build(request.Query, request.Options with { Typos = true }), queries) : [];
        var forgiving = unknown.Count > 0
            ? queries.Build(request.Query, request.Options with { Typos = true, TypoWords = string.Join(PlanOptions.WordSeparator, unknown) })
            : plan;
        var terms = forgiving.Typos is { Count: > 0 } typos ? forgiving.Terms.With(Expansions(searcher, typos)) : forgiving.Terms;
        var all = ReferenceEquals(forgiving, plan) ? strict : EarlyCount(searcher, forgiving.Query, filter, ReadSession.FewHits, timeout, clock);
        if (request.Match == MatchMode.All || all >= ReadSession.FewHits || forgiving.Conjunction is not { Units.Count: >= 2 } conjunction)
            return new QueryAnswer(forgiving, [forgiving.Query], forgiving.Query, terms, strict);
        var units = conjunction.Units.Count;
        // At least half of the words: a pasted headline may lack one, a question is still about its subject.
        var fewest = Math.Max(1, (units + 1) / 2);
        var tiers = new List<Query> { forgiving.Query };
        for (var count = units - 1; count >= fewest; count--) tiers.Add(conjunction.Exactly(count));
        return new QueryAnswer(forgiving, tiers, conjunction.AtLeast(fewest), terms, strict, all);
    }

    /// <summary>The words a typo may be in that the index holds in no form: neither as written nor by their stem.</summary>
    private static List<string> UnknownWords(IndexReader reader, QueryPlan typoPlan, QueryBuilder queries)
    {
        var unknown = new List<string>();
        foreach (var candidate in typoPlan.Corrections ?? [])
        {
            if (reader.DocFreq(new Term(Indexing.IndexFields.Exact, candidate.Exact)) > 0) continue;
            var stemmed = Translation.QueryTranslator.LanguageOf(candidate.Word) is { } lang
                && queries.Stem(lang, candidate.Word) is { } stem
                && reader.DocFreq(new Term(Indexing.IndexFields.Text(lang), stem)) + reader.DocFreq(new Term(Indexing.IndexFields.Title(lang), stem)) > 0;
            if (!stemmed) unknown.Add(candidate.Word);
        }
        return unknown.Distinct().ToList();
    }

    /// <summary>The indexed forms the typo queries stand for on this snapshot.</summary>
    private static IEnumerable<(string Field, string Term)> Expansions(IndexSearcher searcher, IReadOnlyList<ExpandedOncePerSnapshot> typos)
    {
        foreach (var typo in typos)
        {
            var terms = new HashSet<Term>();
            searcher.Rewrite(typo).ExtractTerms(terms);
            foreach (var term in terms) yield return (term.Field, term.Text);
        }
    }

    /// <summary>How many statements match, counted up to <paramref name="limit"/> and no further.</summary>
    public static int EarlyCount(IndexSearcher searcher, Query query, Filter? filter, int limit, TimeSpan? timeout, TimeProvider clock)
    {
        var counter = new EarlyCounter(limit);
        DeadlineCollector.Search(searcher, query, filter, counter, timeout, clock);
        return counter.Count;
    }

    /// <summary>Counts hits and stops the search once it has <c>limit</c>.</summary>
    private sealed class EarlyCounter(int limit) : ICollector
    {
        public int Count { get; private set; }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            if (Count >= limit) throw new CollectionTerminatedException();
        }

        public void Collect(int doc)
        {
            if (++Count >= limit) throw new CollectionTerminatedException();
        }
    }
}
