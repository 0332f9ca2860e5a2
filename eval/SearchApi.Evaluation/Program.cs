using System.Diagnostics;
using System.Text;
using SearchApi.Core.Entities;
using SearchApi.Evaluation;
using SearchApi.Evaluation.Nerel;
using SearchApi.Evaluation.Relevance;

// Quality of search and entity linking over ../shared/corpus.
//   dotnet run --project eval/SearchApi.Evaluation -c Release -- [relevance|nerel|all] [--corpus DIR] [--write docs/RELEVANCE.md] [--check]
var command = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var root = RepoRoot();
var corpus = Option("--corpus") ?? Environment.GetEnvironmentVariable("SEARCHAPI_CORPUS") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
if (!Directory.Exists(corpus))
{
    Console.Error.WriteLine($"Corpus folder {corpus} not found; pass --corpus DIR or set SEARCHAPI_CORPUS.");
    return 2;
}
var data = Path.Combine(AppContext.BaseDirectory, "data");
var output = new StringBuilder();
IReadOnlyList<GroupScore>? groups = null;
IReadOnlyList<TypeScore>? types = null;
var clock = Stopwatch.StartNew();

if (command is "relevance" or "all")
{
    var statements = EvalCorpus.Load(corpus, Path.Combine(root, "seeds"));
    var queries = JudgedQuery.Load(Path.Combine(data, "queries.jsonl"));
    var run = new RelevanceRun(queries, statements);
    foreach (var (id, count) in run.RelevantCounts.Where(c => c.Value == 0))
        Console.Error.WriteLine($"warning: query {id} has no relevant statement in the sample");
    using var ours = new ProductEngine(Gazetteer.Embedded);
    using var stock = new StockEngine();
    ours.Index(statements);
    stock.Index(statements);
    var oursScores = run.Score(ours);
    var stockScores = run.Score(stock);
    groups = RelevanceRun.ByGroup(oursScores);
    if (Option("--explain") is { } explainId && queries.FirstOrDefault(q => q.Id == Option("--show")) is { } explained)
        Console.WriteLine(ours.Explain(explained.Query, explainId));
    // --show ID lists both engines' top ten for one query with their grades, to see why it scores as it does.
    if (Option("--show") is { } showId && queries.FirstOrDefault(q => q.Id == showId) is { } shown)
    {
        var byId = statements.ToDictionary(s => s.Id);
        foreach (var engine in new ISearchEngine[] { ours, stock })
        {
            Console.WriteLine($"== {engine.Name}: {shown.Query}");
            foreach (var id in engine.Search(shown.Query, shown.Lang, RelevanceRun.K))
                Console.WriteLine($"  [{shown.Grade(byId[id].Lang, byId[id].Title, byId[id].Text)}] {id} {byId[id].Title[..Math.Min(90, byId[id].Title.Length)]}");
        }
    }
    output.AppendLine("### Search relevance").AppendLine();
    output.Append(Report.Relevance(statements.Count, groups, RelevanceRun.ByGroup(stockScores), oursScores, stockScores)).AppendLine();
}
if (command is "nerel" or "all")
{
    types = NerelEvaluation.Run(Path.Combine(corpus, "ner_nerel_ru", "nerel_v1.1_test.jsonl"), new EntityLinker(Gazetteer.Embedded));
    output.AppendLine("### Entity linking on NEREL v1.1 (test split)").AppendLine();
    output.Append(Report.Nerel(types)).AppendLine();
}
if (types is null && groups is null)
{
    Console.Error.WriteLine("usage: [relevance|nerel|all] [--corpus DIR] [--write FILE] [--check]");
    return 2;
}

Console.WriteLine(output);
Console.Error.WriteLine($"evaluated in {clock.Elapsed.TotalSeconds:F1} s");
if (Option("--write") is { } report) Report.WriteInto(Path.GetFullPath(report, root), output.ToString());
if (args.Contains("--check"))
{
    var failures = Floors.Load(Path.Combine(data, "floors.json")).Failures(groups, types).ToList();
    foreach (var failure in failures) Console.Error.WriteLine("below floor: " + failure);
    if (failures.Count > 0) return 1;
    Console.Error.WriteLine("every floor met");
}
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SearchApi.sln"))) return dir.FullName;
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "SearchApi.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run inside the repository: SearchApi.sln not found.");
}
