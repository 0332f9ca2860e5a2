using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Lexicon;

/// <summary>Every statement of ../shared/corpus (the NER corpus aside), read as the service reads them.</summary>
public static class FullCorpus
{
    public static IEnumerable<(string Corpus, Statement Statement)> Read(string corpusFolder)
    {
        var reader = new StatementFileReader(new StatementParser(TimeProvider.System));
        foreach (var folder in Directory.GetDirectories(corpusFolder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith("ner", StringComparison.Ordinal)) continue;
            foreach (var file in StatementFileReader.FilesIn(folder))
                foreach (var item in reader.ReadFileAsync(file).ToBlockingEnumerable())
                    if (item.Statement is { } statement) yield return (name, statement);
        }
    }
}
