using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Analysis;

/// <summary>
/// The analyzers behind every field: each field gets its language's chain, the same for the text it indexes and the
/// queries that search it, except that queries treat every word as a possible name (they are typed in lower case).
/// </summary>
public static class StatementAnalyzer
{
    public static Analyzer Create(AnalysisMode mode = AnalysisMode.Index)
    {
        var english = new EnglishTextAnalyzer();
        var russian = new RussianTextAnalyzer(mode);
        var exact = new ExactAnalyzer();
        var translit = new TransliterationAnalyzer(mode);
        var entities = new WhitespaceAnalyzer(AnalysisVersion.Current);
        var perField = new Dictionary<string, Analyzer>
        {
            [IndexFields.Title(Languages.English)] = english,
            [IndexFields.Text(Languages.English)] = english,
            [IndexFields.Title(Languages.Russian)] = russian,
            [IndexFields.Text(Languages.Russian)] = russian,
            [IndexFields.ExactTitle] = exact,
            [IndexFields.Exact] = exact,
            [IndexFields.Translit] = translit,
            [IndexFields.TranslitTitle] = translit,
            // Entity ids, one per mention, separated by spaces.
            [IndexFields.Entity] = entities,
            [IndexFields.EntityTitle] = entities,
        };
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    /// <summary>The analysed terms of <paramref name="text"/> for one field, with their character offsets.</summary>
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }
        stream.End();
        return tokens;
    }
}

/// <summary>A term produced by analysis, with where it came from in the text.</summary>
public readonly record struct AnalyzedToken(string Term, int Start, int End, int Position);
