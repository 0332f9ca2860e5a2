using System.Collections.Concurrent;
using Lucene.Net.Analysis.TokenAttributes;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Lexicon;

/// <summary>One counted word: its stem (as the language's analysis chain gives it) and the forms it was written in.</summary>
public sealed record StemCount(string Stem, long Count, IReadOnlyList<(string Form, long Count)> Forms);

/// <summary>
/// The content words of statements, counted by stem: the tokens the language's own analysis chain keeps, made of
/// letters only, not function words (<see cref="FunctionWords"/>), outside the names the entity linker finds (names cross languages through the
/// gazetteer, not the lexicon). What the lexicon must cover, and how its coverage is measured.
/// </summary>
public sealed class ContentWords
{
    private readonly ConcurrentDictionary<string, long> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Stem, string Form), long> _forms = new();
    private long _total;

    public string Lang { get; }

    public ContentWords(string lang) => Lang = lang;

    public long Total => Interlocked.Read(ref _total);

    public IReadOnlyDictionary<string, long> Stems => _stems;

    public void CountAll(IEnumerable<Statement> statements, EntityLinker linker)
    {
        Parallel.ForEach(statements.Where(s => s.Lang == Lang), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => StatementAnalyzer.Create(),
            (statement, _, analyzer) =>
            {
                Count(analyzer, linker, statement);
                return analyzer;
            },
            analyzer => analyzer.Dispose());
    }

    private void Count(Lucene.Net.Analysis.Analyzer analyzer, EntityLinker linker, Statement statement)
    {
        var text = statement.Title + "\n" + statement.Text;
        var names = linker.Link(statement.Title, statement.Text)
            .SelectMany(e => e.Mentions.Select(m => m.Field == EntityMention.InTitle ? (m.Start, m.Start + m.Length) : (m.Start + statement.Title.Length + 1, m.Start + statement.Title.Length + 1 + m.Length)))
            .ToList();
        using var stream = analyzer.GetTokenStream(IndexFields.Text(Lang), text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var keyword = stream.AddAttribute<IKeywordAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            // A Russian name key stacked on a word is not another word.
            if (increment.PositionIncrement == 0 || keyword.IsKeyword) continue;
            var form = text[offset.StartOffset..offset.EndOffset];
            if (!IsWord(form) || FunctionWords.Contains(RussianNames.Fold(form)) || names.Any(n => offset.StartOffset < n.Item2 && offset.EndOffset > n.Item1)) continue;
            var stem = term.ToString();
            if (stem.Length < 2) continue;
            _stems.AddOrUpdate(stem, 1, (_, n) => n + 1);
            _forms.AddOrUpdate((stem, RussianNames.Fold(form)), 1, (_, n) => n + 1);
            Interlocked.Increment(ref _total);
        }
        stream.End();
    }

    private static bool IsWord(string form)
    {
        if (form.Length < 2) return false;
        foreach (var c in form)
            if (!char.IsLetter(c) && c is not '-' and not '\'' and not '’') return false;
        return true;
    }

    /// <summary>The most frequent stems, each with its most frequent written forms.</summary>
    public IReadOnlyList<StemCount> Top(int count)
    {
        var forms = _forms.GroupBy(f => f.Key.Stem).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Value).Take(5).Select(f => (f.Key.Form, f.Value)).ToList());
        return _stems.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(count)
            .Select(s => new StemCount(s.Key, s.Value, forms.GetValueOrDefault(s.Key) ?? [])).ToList();
    }
}
