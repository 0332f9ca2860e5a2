using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Relevance;

/// <summary>
/// The floor to beat: Lucene's stock EnglishAnalyzer and RussianAnalyzer on title and text, every word required,
/// scored with the same BM25 — no exact field, name keys, entities or transliteration.
/// </summary>
public sealed class StockEngine : ISearchEngine
{
    private static readonly string[] Fields = ["title_en", "text_en", "title_ru", "text_ru"];
    private readonly RAMDirectory _directory = new();
    private readonly Analyzer _analyzer;
    private DirectoryReader? _reader;

    public StockEngine()
    {
        var english = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
        var russian = new RussianAnalyzer(LuceneVersion.LUCENE_48);
        _analyzer = new PerFieldAnalyzerWrapper(english, new Dictionary<string, Analyzer>
        {
            ["title_en"] = english, ["text_en"] = english, ["title_ru"] = russian, ["text_ru"] = russian,
        });
    }

    public string Name => "Stock analyzers";

    public void Index(IReadOnlyList<Statement> statements)
    {
        using var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = Ranking.Similarity });
        foreach (var s in statements)
        {
            writer.AddDocument(new Document
            {
                new StringField("id", s.Id, Field.Store.YES),
                new StringField("lang", s.Lang, Field.Store.NO),
                new TextField("title_" + s.Lang, s.Title, Field.Store.NO),
                new TextField("text_" + s.Lang, s.Text, Field.Store.NO),
            });
        }
        writer.Commit();
        _reader = DirectoryReader.Open(_directory);
    }

    public IReadOnlyList<string> Search(string query, string? lang, int count)
    {
        var searcher = new IndexSearcher(_reader ?? throw new InvalidOperationException("Index first.")) { Similarity = Ranking.Similarity };
        var all = new BooleanQuery();
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var best = new DisjunctionMaxQuery(0.1f);
            foreach (var field in Fields)
                if (SearchApi.Core.Search.QueryBuilder.FieldQuery(field, StatementAnalyzer.Tokens(_analyzer, field, word)) is { } fieldQuery)
                {
                    fieldQuery.Boost = field.StartsWith("title", StringComparison.Ordinal) ? 2f : 1f;
                    best.Add(fieldQuery);
                }
            if (best.Disjuncts.Count > 0) all.Add(best, Occur.MUST);
        }
        if (all.Clauses.Count == 0) return [];
        Filter? filter = lang is null ? null : new QueryWrapperFilter(new TermQuery(new Term("lang", lang)));
        return searcher.Search(all, filter, count).ScoreDocs.Select(d => searcher.Doc(d.Doc).Get("id")).ToList();
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory.Dispose();
    }
}
