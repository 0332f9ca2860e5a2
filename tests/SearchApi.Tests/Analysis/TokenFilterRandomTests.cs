using CsCheck;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using SearchApi.Core.Analysis;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Analysis;

/// <summary>
/// Every filter of ours, alone behind the standard tokenizer, under random text (the way Lucene's own
/// BaseTokenStreamTestCase checks filters): no exception, offsets inside the text and never going backwards, no
/// negative position increment, the final offset at the end of the text, and the same tokens when a reused stream
/// reads the same text again (state is reset between documents).
/// </summary>
public sealed class TokenFilterRandomTests
{
    private const int Cases = 3_000;

    public static TheoryData<string> Filters => new() { "dotted", "yo", "name-key-index", "name-key-query", "translit-index", "translit-query", "styled-letters", "spelling", "mixed-script" };

    [Theory]
    [MemberData(nameof(Filters))]
    public void A_filter_behind_the_standard_tokenizer_keeps_Lucenes_invariants_on_random_text(string filter)
    {
        using var analyzer = new OneFilter(filter);
        MessyText.Text(30).Sample(text =>
        {
            var first = Tokens(analyzer, text);
            var again = Tokens(analyzer, text);
            Assert.Equal(first, again);
        }, iter: Cases, threads: 1);
    }

    [Fact]
    public void Positions_of_words_the_transliteration_filter_drops_at_the_end_still_count()
    {
        using var analyzer = new OneFilter("translit-index");
        // "Лавров и ОДКБ": the key of Лавров, then two dropped words (a short one and an abbreviation).
        using var stream = analyzer.GetTokenStream("f", "Лавров и ОДКБ");
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
        }
        stream.End();
        Assert.Equal(2, increment.PositionIncrement);
    }

    private static List<(string Term, int Start, int End, int Position)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        var lastStart = 0;
        while (stream.IncrementToken())
        {
            Assert.True(increment.PositionIncrement >= 0);
            position += increment.PositionIncrement;
            Assert.True(position >= 0, "the first token has no position");
            Assert.True(offset.StartOffset >= lastStart, "offsets went backwards");
            Assert.True(offset.StartOffset <= offset.EndOffset && offset.EndOffset <= text.Length, $"offsets {offset.StartOffset}-{offset.EndOffset} outside {text.Length}");
            lastStart = offset.StartOffset;
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, position));
        }
        stream.End();
        Assert.Equal(text.Length, offset.EndOffset);
        Assert.True(increment.PositionIncrement >= 0);
        return tokens;
    }

    private sealed class OneFilter(string filter) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) =>
            filter == "styled-letters" ? new StyledLetterCharFilter(reader) : reader;

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Lucene.Net.Util.LuceneVersion.LUCENE_48, reader);
            TokenStream stream = filter switch
            {
                "dotted" => new DottedWordSplitFilter(tokenizer),
                "yo" => new YoFoldingFilter(tokenizer),
                "spelling" => new SpellingVariantFilter(new Lucene.Net.Analysis.Core.LowerCaseFilter(Lucene.Net.Util.LuceneVersion.LUCENE_48, tokenizer)),
                "mixed-script" => new MixedScriptFoldingFilter(tokenizer),
                "name-key-index" => new RussianNameKeyFilter(tokenizer, AnalysisMode.Index),
                "name-key-query" => new RussianNameKeyFilter(tokenizer, AnalysisMode.Query),
                "translit-index" => new TransliterationFilter(tokenizer, AnalysisMode.Index),
                "translit-query" => new TransliterationFilter(tokenizer, AnalysisMode.Query),
                _ => tokenizer,
            };
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
