using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Analysis;

/// <summary>
/// The one analyzer shared by indexing and querying: each field gets its language's chain, so a query term is
/// analysed exactly as the text it should match.
/// </summary>
public static class StatementAnalyzer
{
    public static Analyzer Create()
    {
        var english = new EnglishTextAnalyzer();
        var russian = new RussianTextAnalyzer();
        var perField = new Dictionary<string, Analyzer>
        {
            [IndexFields.Title(Languages.English)] = english,
            [IndexFields.Text(Languages.English)] = english,
            [IndexFields.Title(Languages.Russian)] = russian,
            [IndexFields.Text(Languages.Russian)] = russian,
            [IndexFields.Exact] = new ExactAnalyzer(),
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
