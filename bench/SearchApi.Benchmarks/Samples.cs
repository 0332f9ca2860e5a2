using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Benchmarks;

/// <summary>
/// The material the benchmarks work on: the repo's seeds, and statements from ../shared/corpus (set SEARCHAPI_CORPUS to
/// read another folder) taken in turn from each source so that English and Russian mix as in the whole corpus.
/// </summary>
public static class Samples
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string SeedsFolder => Path.Combine(RepoRoot, "seeds");

    public static string CorpusFolder =>
        Environment.GetEnvironmentVariable("SEARCHAPI_CORPUS") ?? Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));

    public static IReadOnlyList<string> SeedTexts() =>
        Directory.GetFiles(SeedsFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    /// <summary>Up to <paramref name="count"/> corpus statements, the same ones on every run.</summary>
    public static IReadOnlyList<Statement> CorpusStatements(int count)
    {
        if (!Directory.Exists(CorpusFolder))
            throw new DirectoryNotFoundException($"The corpus folder {CorpusFolder} does not exist; set SEARCHAPI_CORPUS.");
        var reader = new StatementFileReader(new StatementParser(TimeProvider.System));
        var sources = Directory.GetDirectories(CorpusFolder).Order(StringComparer.Ordinal)
            .Where(f => !Path.GetFileName(f).StartsWith("ner", StringComparison.Ordinal))
            .Select(f => StatementFileReader.FilesIn(f).SelectMany(file => reader.ReadFileAsync(file).ToBlockingEnumerable()).Select(i => i.Statement).OfType<Statement>().GetEnumerator())
            .ToList();
        var taken = new List<Statement>(count);
        while (taken.Count < count && sources.Count > 0)
            foreach (var source in sources.ToList())
            {
                if (taken.Count == count) break;
                if (source.MoveNext()) taken.Add(source.Current);
                else sources.Remove(source);
            }
        return taken;
    }

    /// <summary>A long statement of the given language, the median kind of text the service handles.</summary>
    public static Statement Typical(IReadOnlyList<Statement> statements, string lang)
    {
        var ofLang = statements.Where(s => s.Lang == lang).OrderBy(s => s.Text.Length).ToList();
        return ofLang[ofLang.Count / 2];
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "SearchApi.sln"))) return folder.FullName;
        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository.");
    }
}
