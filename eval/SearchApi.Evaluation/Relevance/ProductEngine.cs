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
    private readonly QueryBuilder _queries;

    public ProductEngine(Gazetteer gazetteer)
    {
        _catalog = IndexCatalog.Open(_folder, () => StatementAnalyzer.Create());
        _linker = new EntityLinker(gazetteer);
        _queries = new QueryBuilder(StatementAnalyzer.Create(AnalysisMode.Query), _linker);
        _sessions = new ReadSessions(_catalog, _queries, new FacetLabels(gazetteer));
    }

    public string Name => "SearchApi";

    public void Index(IReadOnlyList<Statement> statements)
    {
        var linked = new Statement[statements.Count];
        Parallel.For(0, statements.Count, i => linked[i] = statements[i] with { Entities = _linker.Link(statements[i].Title, statements[i].Text) });
        var seq = 0L;
        foreach (var batch in linked.Chunk(1_000))
            _index.Apply(batch.Select(s => new StoredStatement(++seq, s.Id, false, s, "", DateTimeOffset.UnixEpoch)).ToList());
        _index.Commit();
        _index.Refresh();
    }

    public IReadOnlyList<string> Search(string query, string? lang, int count)
    {
        var filters = lang is null ? SearchFilters.None : SearchFilters.None with { Langs = [lang] };
        using var session = _sessions.Open(new QueryRequest(query, filters));
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
