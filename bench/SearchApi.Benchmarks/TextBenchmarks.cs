using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Benchmarks;

/// <summary>Reading raw statements: the five seeds (one holds four stories), and one corpus JSON line.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private readonly StatementParser _parser = new(TimeProvider.System);
    private IReadOnlyList<string> _seeds = [];
    private string _jsonLine = "";

    [GlobalSetup]
    public void Setup()
    {
        _seeds = Samples.SeedTexts();
        var statement = Samples.Typical(Samples.CorpusStatements(200), Languages.English);
        _jsonLine = System.Text.Json.JsonSerializer.Serialize(new { id = statement.Id, lang = statement.Lang, title = statement.Title, source = statement.Source, url = statement.Url, text = statement.Text });
    }

    [Benchmark(Description = "parse the five seed files")]
    public int Seeds()
    {
        var count = 0;
        foreach (var raw in _seeds) count += _parser.ParseText(raw).Count;
        return count;
    }

    [Benchmark(Description = "parse one corpus JSON line")]
    public Statement? JsonLine() => StatementRecords.ParseLine(_jsonLine, "bench").Statement;
}

/// <summary>Every analysed field of one typical statement per language, as indexing runs them.</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly Analyzer _analyzer = StatementAnalyzer.Create();
    private Statement _statement = null!;

    [Params(Languages.English, Languages.Russian)]
    public string Lang { get; set; } = Languages.English;

    [GlobalSetup]
    public void Setup() => _statement = Samples.Typical(Samples.CorpusStatements(400), Lang);

    [Benchmark(Description = "analyse language, exact and transliteration fields")]
    public int AnalyseStatement()
    {
        var text = _statement.Text;
        return StatementAnalyzer.Tokens(_analyzer, IndexFields.Text(Lang), text).Count
            + StatementAnalyzer.Tokens(_analyzer, IndexFields.Exact, text).Count
            + StatementAnalyzer.Tokens(_analyzer, IndexFields.Translit, text).Count;
    }
}

/// <summary>Finding people, organisations and places in one typical statement per language.</summary>
[MemoryDiagnoser]
public class EntityLinkingBenchmarks
{
    private readonly EntityLinker _linker = new(Gazetteer.Embedded);
    private Statement _statement = null!;

    [Params(Languages.English, Languages.Russian)]
    public string Lang { get; set; } = Languages.English;

    [GlobalSetup]
    public void Setup() => _statement = Samples.Typical(Samples.CorpusStatements(400), Lang);

    [Benchmark(Description = "link the entities of one statement")]
    public int Link() => _linker.Link(_statement.Title, _statement.Text).Count;

    [Benchmark(Description = "link the entities of a query")]
    public int LinkQuery() => _linker.LinkQuery(Lang == Languages.English ? "Lavrov CSTO Kyrgyzstan" : "Лавров ОДКБ Киргизия").Count;
}
