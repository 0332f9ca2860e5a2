using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace SearchApi.Core.Analysis;

/// <summary>The Lucene version every analysis chain is built against.</summary>
internal static class AnalysisVersion
{
    public const LuceneVersion Current = LuceneVersion.LUCENE_48;
}

/// <summary>English text: standard tokens (dotted initials split off), possessives removed, lower case, English stop words, Porter stems.</summary>
public sealed class EnglishTextAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new DottedWordSplitFilter(tokenizer);
        stream = new EnglishPossessiveFilter(AnalysisVersion.Current, stream);
        stream = new LowerCaseFilter(AnalysisVersion.Current, stream);
        stream = new StopFilter(AnalysisVersion.Current, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Russian text: the RussianAnalyzer chain (standard tokens, lower case, Russian stop words, Snowball stems).</summary>
public sealed class RussianTextAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new LowerCaseFilter(AnalysisVersion.Current, new DottedWordSplitFilter(tokenizer));
        stream = new StopFilter(AnalysisVersion.Current, stream, RussianAnalyzer.DefaultStopSet);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>Exact forms in either language: standard tokens in lower case, nothing removed or stemmed.</summary>
public sealed class ExactAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(AnalysisVersion.Current, new DottedWordSplitFilter(tokenizer)));
    }

    // Title and text are added as separate values of one field; keep phrases from running across them.
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
