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

/// <summary>
/// English text: styled letters folded (𝐁𝐨𝐥𝐝 → Bold), standard tokens (dotted initials split off), possessives removed,
/// lower case, British spellings as American ones, English stop words, Porter stems.
/// </summary>
public sealed class EnglishTextAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new StyledLetterCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new DottedWordSplitFilter(tokenizer);
        stream = new EnglishPossessiveFilter(AnalysisVersion.Current, stream);
        stream = new LowerCaseFilter(AnalysisVersion.Current, stream);
        stream = new SpellingVariantFilter(stream);
        stream = new StopFilter(AnalysisVersion.Current, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>
/// Russian text: standard tokens, Latin look-alike letters inside Cyrillic words folded, a name key beside every name
/// (see <see cref="RussianNameKeyFilter"/>), lower case, ё folded to е, Russian stop words, Snowball stems for the rest.
/// </summary>
public sealed class RussianTextAnalyzer(AnalysisMode mode) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new StyledLetterCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new DottedWordSplitFilter(tokenizer);
        stream = new MixedScriptFoldingFilter(stream);
        stream = new RussianNameKeyFilter(stream, mode);
        stream = new LowerCaseFilter(AnalysisVersion.Current, stream);
        stream = new YoFoldingFilter(stream);
        stream = new StopFilter(AnalysisVersion.Current, stream, RussianStopWords.Folded);
        stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>
/// Exact forms in either language: standard tokens in lower case with ё folded, Latin look-alikes inside Cyrillic words
/// folded and British spellings as American ones, nothing removed or stemmed.
/// </summary>
public sealed class ExactAnalyzer : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new StyledLetterCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new DottedWordSplitFilter(tokenizer);
        stream = new MixedScriptFoldingFilter(stream);
        stream = new LowerCaseFilter(AnalysisVersion.Current, stream);
        stream = new SpellingVariantFilter(stream);
        return new TokenStreamComponents(tokenizer, new YoFoldingFilter(stream));
    }
}

/// <summary>Names as spelling-independent Latin keys, so Cyrillic and Latin spellings of a name meet.</summary>
public sealed class TransliterationAnalyzer(AnalysisMode mode) : Analyzer
{
    protected override TextReader InitReader(string fieldName, TextReader reader) => new StyledLetterCharFilter(reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(AnalysisVersion.Current, reader);
        TokenStream stream = new DottedWordSplitFilter(tokenizer);
        stream = new EnglishPossessiveFilter(AnalysisVersion.Current, stream);
        return new TokenStreamComponents(tokenizer, new TransliterationFilter(stream, mode));
    }
}

/// <summary>Lucene's Russian stop words with ё folded, to match folded tokens.</summary>
internal static class RussianStopWords
{
    public static readonly Lucene.Net.Analysis.Util.CharArraySet Folded = Build();

    private static Lucene.Net.Analysis.Util.CharArraySet Build()
    {
        var set = new Lucene.Net.Analysis.Util.CharArraySet(AnalysisVersion.Current, 200, ignoreCase: false);
        foreach (var word in RussianAnalyzer.DefaultStopSet)
            set.Add(RussianNames.Fold(word));
        return set;
    }
}
