using BenchmarkDotNet.Attributes;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;

namespace SearchApi.Benchmarks;

/// <summary>A first page of ten hits with snippets (the API's defaults) over <see cref="SearchIndex.Size"/> statements.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks : OnSearchIndex
{

    [Params("sanctions", "Lavrov", "\"nuclear weapons\"", "санкции", "Лавров ОДКБ", "humanitarian aid", "совместное заявление")]
    public string Query { get; set; } = "";

    /// <summary>Whether the query's words are also looked for in translation (the API's crossLanguage, on by default).</summary>
    [Params(true, false)]
    public bool CrossLanguage { get; set; }

    [Benchmark(Description = "search, ten hits with snippets")]
    public long Search()
    {
        using var session = Sessions.Open(new QueryRequest(Query, SearchFilters.None, CrossLanguage: CrossLanguage));
        return session.Search(new SearchPage(SearchSort.Relevance, 10)).Total;
    }

    [Benchmark(Description = "search, ten hits without snippets")]
    public long SearchWithoutSnippets()
    {
        using var session = Sessions.Open(new QueryRequest(Query, SearchFilters.None, CrossLanguage: CrossLanguage));
        return session.Search(new SearchPage(SearchSort.Relevance, 10, Snippets: new SnippetOptions(0, SnippetOptions.DefaultLength))).Total;
    }

}

/// <summary>
/// Queries the forgiving path answers (typos, questions, a pasted headline with a word too many) beside the same
/// answered strictly (match=all, typos=false), and an everyday query that never reaches the forgiving path.
/// </summary>
[MemoryDiagnoser]
public class ForgivingBenchmarks : OnSearchIndex
{

    [Params("Lavorv", "sanctinos", "Пескоаым", "what did Putin say about Kyrgyzstan and grain exports", "sanctions")]
    public string Query { get; set; } = "";

    /// <summary>Whether the forgiving path may run (the default), or the query is answered strictly.</summary>
    [Params(true, false)]
    public bool Forgiving { get; set; }

    [Benchmark(Description = "search, ten hits with snippets")]
    public long Search()
    {
        using var session = Sessions.Open(new QueryRequest(Query, SearchFilters.None, Match: Forgiving ? MatchMode.Most : MatchMode.All, Typos: Forgiving));
        return session.Search(new SearchPage(SearchSort.Relevance, 10)).Total;
    }

}

/// <summary>
/// A typo seen for the first time on a snapshot: each invocation asks for a new slip of the word (two neighbouring
/// letters swapped, a letter dropped or doubled, at the next place after the first letter), so its plan is new and its
/// Levenshtein automata walk the term dictionary again (<see cref="ForgivingBenchmarks"/> measures a repeated typo, its
/// expansions kept for the snapshot).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class ForgivingColdBenchmarks : OnSearchIndex
{
    private int _slip;
    private string _typo = "";

    [Params("Lavrov", "sanctions", "Пескова")]
    public string Word { get; set; } = "";

    [IterationSetup]
    public void NewTypo()
    {
        var places = Word.Length - 2;
        var at = 1 + _slip % places;
        _typo = (_slip++ / places % 3) switch
        {
            0 => Word[..at] + Word[at + 1] + Word[at] + Word[(at + 2)..],
            1 => Word[..at] + Word[(at + 1)..],
            _ => Word[..at] + Word[at] + Word[at..],
        };
    }

    [Benchmark(Description = "search with a new typo, first time on the snapshot")]
    public long Search()
    {
        using var session = Sessions.Open(new QueryRequest(_typo, SearchFilters.None));
        return session.Search(new SearchPage(SearchSort.Relevance, 10)).Total;
    }

}

/// <summary>Facet counts over every statement (empty query) and over a query's matches.</summary>
[MemoryDiagnoser]
public class FacetBenchmarks : OnSearchIndex
{
    private static readonly string[] FourFields = [IndexFields.Lang, IndexFields.Source, IndexFields.Kind, IndexFields.Person];

    [Params("", "sanctions")]
    public string Query { get; set; } = "";

    [Benchmark(Description = "lang, source, kind and person facets")]
    public long FourFacets()
    {
        using var session = Sessions.Open(new QueryRequest(Query, SearchFilters.None));
        return session.Facets(new FacetSpec(FourFields)).Total;
    }

    [Benchmark(Description = "timeline by month")]
    public long Timeline()
    {
        using var session = Sessions.Open(new QueryRequest(Query, SearchFilters.None));
        return session.Facets(new FacetSpec([FacetSpec.Timeline])).Total;
    }

}

/// <summary>Title highlights and snippets for a page of ten hits, the matches read from the postings' offsets.</summary>
[MemoryDiagnoser]
public class HighlightingBenchmarks
{
    private IndexCatalog _catalog = null!;
    private SearcherLease _lease;
    private QueryPlan _plan = null!;
    private int[] _docs = [];
    private IndexedStatement[] _statements = [];

    [Params("sanctions", "Лавров ОДКБ")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _catalog = SearchIndex.Open();
        _lease = _catalog.Current.Acquire();
        _plan = SearchIndex.Queries().Build(Query);
        var top = _lease.Searcher.Search(_plan.Query, 10);
        _docs = top.ScoreDocs.Select(d => d.Doc).ToArray();
        _statements = _docs.Select(d => StatementDocuments.Read(_lease.Searcher, d)).ToArray();
    }

    [Benchmark(Description = "highlight ten hits")]
    public int Highlight() => Highlighter.Highlight(_lease.Searcher.IndexReader, _docs, _statements, _plan.Terms, SnippetOptions.Default).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _lease.Dispose();
        _catalog.Dispose();
    }
}
