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
IReadOnlyList<SearchApi.Evaluation.Lexicon.CorpusCoverage>? coverage = null;
var clock = Stopwatch.StartNew();

if (command is "relevance" or "all")
{
    var statements = EvalCorpus.Load(corpus, Path.Combine(root, "seeds"));
    var topics = TopicSet.Load(Path.Combine(data, "topics.jsonl"));
    var judged = JudgedQuery.Load(Path.Combine(data, "queries.jsonl")).Concat(TopicSet.Queries(topics)).Concat(JudgedQuery.Load(Path.Combine(data, "questions.jsonl"))).ToList();
    var queries = judged.Concat(TypoSet.From(judged)).ToList();
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
    // The same index without translations, and without the blend of the two languages: what each of them changes.
    static bool CrossOrMixed(JudgedQuery q) => q.Group.StartsWith("topics-", StringComparison.Ordinal) && (q.Group.Contains('→') || q.Group.StartsWith(TopicSet.Mixed, StringComparison.Ordinal));
    var untranslated = RelevanceRun.ByGroup(run.Score(ours.Variant("crossLanguage=false", crossLanguage: false, blend: true), CrossOrMixed));
    var unblended = RelevanceRun.ByGroup(run.Score(ours.Variant("no blend", crossLanguage: true, blend: false), q => q.Group.StartsWith(TopicSet.Mixed, StringComparison.Ordinal)));
    // Every query as the service answered before forgiving queries: every word required, no typos.
    var strictScores = run.Score(ours.Variant("match=all, typos=false", strict: true));
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
    output.AppendLine("### Topics across languages").AppendLine();
    output.Append(Report.Topics(topics.Count, groups, RelevanceRun.ByGroup(stockScores), untranslated, unblended)).AppendLine();
    output.AppendLine("### Forgiving queries").AppendLine();
    output.Append(Report.Forgiving(oursScores, strictScores, stockScores)).AppendLine();
}
if (command is "nerel" or "all")
{
    types = NerelEvaluation.Run(Path.Combine(corpus, "ner_nerel_ru", "nerel_v1.1_test.jsonl"), new EntityLinker(Gazetteer.Embedded));
    output.AppendLine("### Entity linking on NEREL v1.1 (test split)").AppendLine();
    output.Append(Report.Nerel(types)).AppendLine();
}
if (command is "lexicon" or "all")
{
    // --coverage-sample N measures one statement in N (quicker); the default is every statement of every corpus.
    var every = Option("--coverage-sample") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
    var lexicon = SearchApi.Core.Translation.Lexicon.Embedded;
    coverage = SearchApi.Evaluation.Lexicon.LexiconCoverage.Measure(corpus, lexicon, new EntityLinker(Gazetteer.Embedded), every);
    output.AppendLine("### Lexicon coverage").AppendLine();
    output.Append(SearchApi.Evaluation.Lexicon.LexiconCoverage.Report(coverage, lexicon)).AppendLine();
}
if (command == "lexicon-crosscheck")
{
    // Agreement with Debian's mueller7-dict (GPL; installed on the machine, read in place): lexicon-crosscheck [--dict DIR] [--out FILE].
    var folder = Option("--dict") ?? "/usr/share/dictd";
    var check = new SearchApi.Evaluation.Lexicon.DictdCrossCheck(Path.Combine(folder, "mueller7.index"), Path.Combine(folder, "mueller7.dict.dz"));
    var results = check.Run(SearchApi.Core.Translation.Lexicon.Embedded);
    foreach (var r in results)
        Console.WriteLine($"{r.Direction}: {r.Entries:N0} single-word senses, {r.Checked:N0} with an article, {r.Agreeing:N0} agreeing ({r.Agreement:P1})");
    if (Option("--out") is { } disagreements) File.WriteAllLines(disagreements, results.SelectMany(r => r.Disagreements.Select(d => r.Direction + "\t" + d)));
    return 0;
}
if (command == "lexicon-check")
{
    // Checks drafted lexicon files: lexicon-check FILE… [--candidates TSV --lang en|ru] (see Lexicon/LexiconCheck.cs).
    var files = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
    var problems = files.SelectMany(f => SearchApi.Core.Translation.LexiconFormat.Problems(f, File.ReadAllLines(f))).ToList();
    foreach (var problem in problems) Console.WriteLine(problem);
    var lexicon = SearchApi.Core.Translation.Lexicon.FromJsonLines(files.SelectMany(f => File.ReadLines(f).Select(l => (Path.GetFileName(f), l))));
    problems.AddRange(files.SelectMany(f => SearchApi.Core.Translation.LexiconFormat.UnknownLemmas(lexicon, f, File.ReadAllLines(f))));
    foreach (var problem in problems.Where(p => p.Contains("lemma '", StringComparison.Ordinal))) Console.WriteLine(problem);
    if (Option("--candidates") is { } candidates)
    {
        var uncovered = SearchApi.Evaluation.Lexicon.LexiconCheck.Uncovered(lexicon, Option("--lang") ?? "en", File.ReadLines(candidates)).ToList();
        foreach (var line in uncovered) Console.WriteLine("not covered: " + line);
        Console.WriteLine($"{problems.Count} problems; {uncovered.Count} of {File.ReadLines(candidates).Count()} candidates not covered");
    }
    else Console.WriteLine($"{problems.Count} problems; {lexicon.Entries.Count} entries");
    return problems.Count == 0 ? 0 : 1;
}
if (command == "lexicon-candidates")
{
    // The most frequent content words of each language, by stem, with the forms they are written in: what the lexicon
    // must cover (eval/SearchApi.Evaluation/Lexicon/ContentWords.cs).
    var top = int.Parse(Option("--top") ?? "6000", System.Globalization.CultureInfo.InvariantCulture);
    var statements = SearchApi.Evaluation.Lexicon.FullCorpus.Read(corpus).Select(c => c.Statement).ToList();
    var linker = new EntityLinker(Gazetteer.Embedded);
    foreach (var lang in new[] { "en", "ru" })
    {
        var words = new SearchApi.Evaluation.Lexicon.ContentWords(lang);
        words.CountAll(statements, linker);
        var lines = words.Top(top).Select(s => $"{s.Stem}\t{s.Count}\t{string.Join(", ", s.Forms.Select(f => $"{f.Form} {f.Count}"))}");
        var path = Path.Combine(Option("--out") ?? ".", $"candidates-{lang}.tsv");
        File.WriteAllLines(path, lines);
        Console.Error.WriteLine($"{lang}: {words.Total:N0} content-word occurrences, {words.Stems.Count:N0} stems; the top {top:N0} cover {words.Top(top).Sum(s => s.Count) * 100.0 / words.Total:F1} % -> {path}");
    }
    return 0;
}
if (types is null && groups is null && coverage is null)
{
    Console.Error.WriteLine("usage: [relevance|nerel|all] [--corpus DIR] [--write FILE] [--check]");
    return 2;
}

Console.WriteLine(output);
Console.Error.WriteLine($"evaluated in {clock.Elapsed.TotalSeconds:F1} s");
if (Option("--write") is { } report) Report.WriteInto(Path.GetFullPath(report, root), output.ToString());
if (args.Contains("--check"))
{
    var failures = Floors.Load(Path.Combine(data, "floors.json")).Failures(groups, types, coverage).ToList();
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
