using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>Whether a statement matches a query, and how.</summary>
/// <param name="Exists">Whether any statement has the id.</param>
public sealed record ExplainedStatement(string Id, bool Exists, bool Matches, float? Score, IReadOnlyList<MatchKind> MatchedBy);

/// <param name="SharedEntities">Entities both statements name, most mentioned in the source statement first.</param>
/// <param name="SimilarText">Whether the statement's wording resembles the source's (same language only).</param>
public sealed record SimilarHit(IndexedStatement Statement, float Score, IReadOnlyList<string> SharedEntities, bool SimilarText);

/// <summary>
/// One read of the index for one request: one snapshot pinned (the current one, or the one a cursor pinned), one
/// query plan, one filter, the prefix expansions checked once. Every part of an answer comes from it — hits, facets
/// with the hits or alone, an export, an explanation, similar statements — so they agree: page N's facets are page
/// 1's, and an export is exactly the cursor walk, in its order. Its <see cref="Version"/> is what the ETag names.
/// Open with <see cref="ReadSessions.Open"/>; dispose to give the snapshot back.
/// </summary>
public sealed class ReadSession : IDisposable
{
    /// <summary>Hits per step of an export's walk.</summary>
    public const int ExportPageSize = 1_000;

    private readonly ReadSessions _sessions;
    private readonly StatementIndex _index;
    private readonly Snapshot _snapshot;
    private readonly Filter? _filter;

    internal ReadSession(ReadSessions sessions, StatementIndex index, Snapshot snapshot, QueryRequest request, QueryPlan plan)
    {
        _sessions = sessions;
        _index = index;
        _snapshot = snapshot;
        Request = request;
        Plan = plan;
        _filter = FilterQuery.FilterOf(request.Filters);
        IndexedSeq = index.SearchableSeq;
    }

    public QueryRequest Request { get; }

    public QueryPlan Plan { get; }

    /// <summary>The version of the snapshot this session reads: what a cursor pins and an ETag names.</summary>
    public long Version => _snapshot.Version;

    /// <summary>The store sequence number the index held when the session was opened.</summary>
    public long IndexedSeq { get; }

    private IndexSearcher Searcher => _snapshot.Searcher;

    private QueryAnswer? _answer;

    /// <summary>What this session answers with (<see cref="QueryAnswer"/>), chosen on first use.</summary>
    private QueryAnswer Answer => _answer ??= QueryAnswer.Choose(Searcher, _filter, Plan, Request, _sessions.Queries, _sessions.Clock);

    /// <summary>One page of hits, with snippets, highlights and how each matched; the cursor of the next page pins this session's snapshot.</summary>
    public SearchResult Search(SearchPage page) => Read(() =>
    {
        var options = page.Snippets ?? SnippetOptions.Default;
        var (found, total) = FirstWalk(page) ?? WalkAnswer(page.Sort, page.After, page.Limit + 1, withTotal: true);
        var answer = Answer;
        // One hit more than the page tells whether a next page exists.
        var hits = found.Count > page.Limit ? found.Take(page.Limit).ToArray() : [.. found];
        var docs = hits.Select(h => h.Hit.Doc).ToArray();
        // The text is read only to cut snippets from it.
        var statements = docs.Select(doc => StatementDocuments.Read(Searcher, doc, withText: options.Count > 0)).ToArray();
        var highlights = Highlighter.Highlight(Searcher.IndexReader, docs, statements, answer.Terms, options);
        var matchedBy = Plan.MatchesAll ? null : MatchKinds.Of(Searcher, answer.Plan, docs);
        var missing = MissingWords(answer, hits);
        var result = new List<SearchHit>(hits.Length);
        for (var i = 0; i < hits.Length; i++)
            result.Add(new SearchHit(statements[i], Plan.MatchesAll ? 0 : hits[i].Hit.Score, highlights[i].Snippets,
                hits[i].Position, matchedBy?[i] ?? [], highlights[i].Title, missing[i]));
        var next = found.Count > page.Limit && result.Count > 0 ? new Cursor(Version, result[^1].Position) : null;
        var first = page.After is null;
        return new SearchResult(total, result, next, Plan.Degraded, first ? OtherLanguage(total) : null)
        {
            Partial = answer.Partial && total > answer.AllWords,
            Suggestion = first ? DidYouMean.Suggest(Searcher, _filter, answer, Request, _sessions.Queries, _sessions.Clock) : null,
        };
    });

    /// <summary>
    /// A page of a session whose answer is not chosen yet, walked as typed: when enough statements match as typed,
    /// that is the answer and the walk is the page (no count before it); otherwise the count chooses the answer and
    /// the page is walked again. Null when a cursor points into the tiers of a partial answer.
    /// </summary>
    private (List<TierHit> Hits, long Total)? FirstWalk(SearchPage page)
    {
        if (_answer is not null || Plan.MatchesAll || page.After is { Tier: > 0 }) return null;
        var asTyped = QueryAnswer.AsTyped(Plan, FewHits);
        var (hits, total, scales) = Walk(asTyped, Plan.Query, page.Sort, page.After, page.Limit + 1);
        if (total >= FewHits)
        {
            _answer = asTyped;
            return (hits.Select(h => new TierHit(h, SortOrder.PositionOf(h, page.Sort) with { Scales = scales })).ToList(), total);
        }
        _answer = QueryAnswer.Choose(Searcher, _filter, Plan, Request, _sessions.Queries, _sessions.Clock, total);
        return null;
    }

    /// <summary>For each hit of a partial answer that misses some of the query's units, their text; empty otherwise.</summary>
    private IReadOnlyList<string>[] MissingWords(QueryAnswer answer, IReadOnlyList<TierHit> hits)
    {
        var missing = new IReadOnlyList<string>[hits.Count];
        Array.Fill(missing, []);
        var partial = Enumerable.Range(0, hits.Count).Where(i => hits[i].Position.Tier > 0).ToList();
        if (partial.Count == 0 || answer.Plan.Conjunction is not { } conjunction) return missing;
        var docs = partial.Select(i => hits[i].Hit.Doc).ToArray();
        var lists = partial.ToDictionary(i => i, _ => new List<string>());
        foreach (var unit in conjunction.Units)
        {
            var matched = MatchKinds.Matching(Searcher, unit.Query, docs);
            for (var j = 0; j < partial.Count; j++)
                if (!matched.Contains(j)) lists[partial[j]].Add(unit.Text);
        }
        foreach (var (i, words) in lists) missing[i] = words;
        return missing;
    }

    /// <summary>Fewer hits than this in the languages asked for make the other language worth a look.</summary>
    public const int FewHits = 10;

    /// <summary>
    /// When the answer is restricted — to one language, or to the query's own words (crossLanguage=false) — and finds
    /// fewer than <see cref="FewHits"/> statements: the language where the same query, translated, finds at least that
    /// many and three times as many. Counted on this session's snapshot, only for such small answers.
    /// </summary>
    private LanguageSuggestion? OtherLanguage(long total)
    {
        var langs = Request.Filters.Langs;
        if (total >= FewHits || Plan.MatchesAll || (langs.Count != 1 && Request.CrossLanguage)) return null;
        var translated = _sessions.Queries.Build(Request.Query, Request.Strict, crossLanguage: true);
        LanguageSuggestion? best = null;
        foreach (var lang in Statements.Languages.All)
        {
            if (langs.Count == 1 && langs[0] == lang) continue;
            var counter = new TotalHitCountCollector();
            DeadlineCollector.Search(Searcher, translated.Query, FilterQuery.FilterOf(Request.Filters with { Langs = [lang] }), counter, _sessions.Limits.Timeout, _sessions.Clock);
            if (counter.TotalHits >= FewHits && counter.TotalHits >= 3 * total && counter.TotalHits > (best?.Total ?? 0))
                best = new LanguageSuggestion(lang, counter.TotalHits);
        }
        return best;
    }

    /// <summary>Facet counts over every statement the query and filters match, on this session's snapshot.</summary>
    public FacetResult Facets(FacetSpec spec) =>
        Read(() => FacetCounts.Count(Searcher, Answer.Union, Request.Filters, spec, _sessions.Labels, _sessions.Limits, _sessions.Clock));

    /// <summary>
    /// Streams every statement the query matches, in the order a cursor walk gives them (relevance with the proximity
    /// bonus, or date), a page at a time in constant memory, ending with a manifest whose hash covers every byte before it.
    /// </summary>
    public async Task<ExportManifest> ExportAsync(ExportOptions options, Stream output, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = new HashingStream(output, hash);
        await Write(body, ExportRows.Header(options), cancellationToken);
        var after = options.After;
        long count = 0;
        while (true)
        {
            // Reading stays inside the guard; writing to the client stays out, so a client that hangs up is not damage.
            var (lines, rows, last) = Read(() =>
            {
                var (hits, _) = WalkAnswer(options.Sort, after, ExportPageSize, withTotal: false);
                var text = new StringBuilder();
                foreach (var hit in hits)
                    text.Append(ExportRows.Row(StatementDocuments.Read(Searcher, hit.Hit.Doc, withText: options.IncludeText), Plan.MatchesAll ? 0 : hit.Hit.Score, options, EntityName));
                return (text.ToString(), hits.Count, hits.Count > 0 ? hits[^1].Position : null);
            });
            await Write(body, lines, cancellationToken);
            await output.FlushAsync(cancellationToken);
            count += rows;
            if (rows < ExportPageSize) break;
            after = last;
        }
        var manifest = new ExportManifest(Request.Query, Request.Filters, options.Sort, options.Format, options.IncludeText,
            Version, IndexedSeq, count, Convert.ToHexStringLower(hash.GetHashAndReset()), _sessions.Clock.GetUtcNow());
        await Write(output, ExportRows.Manifest(manifest), cancellationToken);
        await output.FlushAsync(cancellationToken);
        return manifest;
    }

    private string EntityName(string id) => _sessions.Labels.For(Statements.EntityTypes.OfId(id), id).En;

    /// <summary>
    /// Every place the query's words are in one statement's title and text — as written, in other forms, by entity or in
    /// translation, as a search marks them — for reading the whole statement; null when the index has no such statement.
    /// </summary>
    public HitHighlights? Marks(string id) => Read(() =>
    {
        var found = Searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        if (found.TotalHits == 0) return null;
        var doc = found.ScoreDocs[0].Doc;
        var statement = StatementDocuments.Read(Searcher, doc, withText: true);
        var matches = PostingMatches.Find(Searcher.IndexReader, [doc], [statement], Answer.Terms, inText: true);
        static List<Highlight> Of(List<Match> list) => [.. list.Select(m => new Highlight(m.Start, m.End - m.Start))];
        return new HitHighlights(Of(matches.Title[0]), [new Snippet(statement.Text, Of(matches.Text[0]))]);
    });

    /// <summary>Whether and how the statement with this id matches the query; null when no id is given.</summary>
    public ExplainedStatement? Explain(string? id) => id is null ? null : Read(() =>
    {
        var found = Searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        if (found.TotalHits == 0) return new ExplainedStatement(id, false, false, null, []);
        var doc = found.ScoreDocs[0].Doc;
        var answer = Answer;
        var matches = MatchKinds.Matches(Searcher, Searcher.CreateNormalizedWeight(answer.Union), doc);
        var score = matches ? Searcher.Explain(answer.Plan.Scoring, doc).Value : (float?)null;
        return new ExplainedStatement(id, true, matches, score, matches && !Plan.MatchesAll ? MatchKinds.Of(Searcher, answer.Plan, [doc])[0] : []);
    });

    /// <summary>Statements like the one with this id (in one language, or both); null when no statement has the id.</summary>
    public IReadOnlyList<SimilarHit>? Similar(string id, int limit, string? lang) =>
        Read(() => SimilarStatements.Find(Searcher, _index.Analyzer, id, limit, lang));

    /// <summary>A hit of the answer's walk and its position in it (the tier it is in, the blend's scales).</summary>
    private readonly record struct TierHit(FieldDoc Hit, SearchPosition Position);

    // The hits after a position, tier after tier of the answer (every word first, then one word fewer …), and — when
    // asked — how many statements the answer holds in all.
    private (List<TierHit> Hits, long Total) WalkAnswer(SearchSort sort, SearchPosition? after, int count, bool withTotal)
    {
        var answer = Answer;
        var found = new List<TierHit>(count);
        long total = 0;
        var start = Math.Min(after?.Tier ?? 0, answer.Tiers.Count - 1);
        for (var tier = start; tier < answer.Tiers.Count && found.Count < count; tier++)
        {
            var (hits, tierTotal, scales) = Walk(answer, answer.Tiers[tier], sort, tier == start ? after : null, count - found.Count);
            if (answer.Tiers.Count == 1) total = tierTotal;
            foreach (var hit in hits) found.Add(new TierHit(hit, SortOrder.PositionOf(hit, sort) with { Scales = scales, Tier = tier }));
        }
        if (withTotal && answer.Tiers.Count > 1) total = QueryAnswer.EarlyCount(Searcher, answer.Union, _filter, int.MaxValue, _sessions.Limits.Timeout, _sessions.Clock);
        return (found, total);
    }

    // The hits of one query after a position in a sort order, and how many match in all: relevance with the proximity
    // bonus over the best hits, blended across languages, as every page and the export see it.
    private (FieldDoc[] Hits, int Total, LanguageScales? Scales) Walk(QueryAnswer answer, Query query, SearchSort sort, SearchPosition? after, int count)
    {
        var afterDoc = after is null ? null : SortOrder.After(after, sort);
        var (timeout, clock) = (_sessions.Limits.Timeout, _sessions.Clock);
        ITopHits top = sort == SearchSort.Relevance && BlendsLanguages
            ? new LanguageBlend(Searcher, query, _filter, timeout, clock, after?.Scales)
            : new SortedHits(Searcher, query, _filter, sort, timeout, clock);
        var (hits, total) = sort == SearchSort.Relevance && answer.Plan.Proximity is not null
            ? ProximityRescorer.Search(Searcher, answer.Plan.Proximity, top, afterDoc, count)
            : top.Top(afterDoc, count);
        return (hits, total, top.Scales);
    }

    /// <summary>Whether relevance is blended across languages: when a query may find statements in both (<see cref="LanguageBlend"/>).</summary>
    private bool BlendsLanguages => _sessions.BlendLanguages && !Plan.MatchesAll && Request.Filters.Langs.Count != 1;

    private T Read<T>(Func<T> read) => _sessions.Catalog.Read(_index, read);

    private static Task Write(Stream stream, string text, CancellationToken cancellationToken) =>
        text.Length == 0 ? Task.CompletedTask : stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).AsTask();

    public void Dispose() => _snapshot.Dispose();

    /// <summary>Passes an export's bytes on, adding them to its hash.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : IO.PassThroughStream(inner)
    {
        protected override void Written(ReadOnlySpan<byte> bytes) => hash.AppendData(bytes);

        // The output is the caller's: it is flushed here, never closed.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
