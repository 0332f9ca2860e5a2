using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Core.Storage;

namespace SearchApi.Evaluation.Relevance;

/// <summary>The product's own pipeline: entity linking, the bilingual index on disk and the search service.</summary>
public sealed class ProductEngine : ISearchEngine
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "searchapi-eval", Guid.NewGuid().ToString("N"));
    private readonly IndexCatalog _catalog;
    private StatementIndex _index => _catalog.Current;
    private readonly EntityLinker _linker;
    private readonly ReadSessions _sessions;
    private readonly ReadSessions _unblended;
    private readonly QueryBuilder _queries;

    public ProductEngine(Gazetteer gazetteer)
    {
        _catalog = IndexCatalog.Open(_folder, () => StatementAnalyzer.Create());
        _linker = new EntityLinker(gazetteer);
        _queries = QueryBuilder.Standard(_linker);
        _sessions = new ReadSessions(_catalog, _queries, new FacetLabels(gazetteer));
        _unblended = new ReadSessions(_catalog, _queries, new FacetLabels(gazetteer)) { BlendLanguages = false };
    }

    /// <summary>The same index searched another way: without translations, without blending the two languages, or strictly (every word, no typos).</summary>
    public ISearchEngine Variant(string name, bool crossLanguage = true, bool blend = true, bool strict = false) => new ProductVariant(this, name, crossLanguage, blend, strict);

    public string Name => "SearchApi";

    public void Index(IReadOnlyList<Statement> statements)
    {
        var linked = new Statement[statements.Count];
        Parallel.For(0, statements.Count, i => linked[i] = statements[i] with { Entities = _linker.Link(statements[i]) });
        var seq = 0L;
        foreach (var batch in linked.Chunk(1_000))
            _index.Apply(batch.Select(s => new StoredStatement(++seq, s.Id, false, s, "", DateTimeOffset.UnixEpoch)).ToList());
        _index.Commit();
        _index.Refresh();
    }

    public IReadOnlyList<string> Search(string query, string? lang, int count) => Search(query, lang, count, crossLanguage: true, blend: true, strict: false);

    private IReadOnlyList<string> Search(string query, string? lang, int count, bool crossLanguage, bool blend, bool strict)
    {
        var filters = lang is null ? SearchFilters.None : SearchFilters.None with { Langs = [lang] };
        var request = new QueryRequest(query, filters, CrossLanguage: crossLanguage, Match: strict ? MatchMode.All : MatchMode.Most, Typos: !strict);
        using var session = (blend ? _sessions : _unblended).Open(request);
        var result = session.Search(new SearchPage(SearchSort.Relevance, count, Snippets: new SnippetOptions(0, SnippetOptions.DefaultLength)));
        return result.Hits.Select(h => h.Statement.Id).ToList();
    }

    /// <summary>Lucene's explanation of one statement's score for a query, for tuning.</summary>
    public string Explain(string query, string id)
    {
        using var lease = _index.Acquire();
        var hits = lease.Searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(IndexFields.Id, id)), 1);
        return hits.TotalHits == 0 ? "not indexed" : lease.Searcher.Explain(_queries.Build(query).Scoring, hits.ScoreDocs[0].Doc).ToString();
    }

    private sealed class ProductVariant(ProductEngine engine, string name, bool crossLanguage, bool blend, bool strict) : ISearchEngine
    {
        public string Name => name;

        public void Index(IReadOnlyList<Statement> statements)
        {
            // Shares the product engine's index.
        }

        public IReadOnlyList<string> Search(string query, string? lang, int count) => engine.Search(query, lang, count, crossLanguage, blend, strict);

        public void Dispose()
        {
        }
    }

    public void Dispose()
    {
        _catalog.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
