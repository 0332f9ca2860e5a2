using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchApi.Core.Analysis;

namespace SearchApi.Tests.Support;

/// <summary>
/// The real analysis chains, plus one fault: a statement with the word <see cref="Word"/> fails to analyse, as a
/// statement did before the chains were made total. How the index must treat a statement it cannot take is tested with
/// it; every other word is analysed exactly as in service.
/// </summary>
public sealed class PoisonedAnalysis() : AnalyzerWrapper(PER_FIELD_REUSE_STRATEGY)
{
    public const string Word = "poisonpill";

    private readonly Analyzer _real = StatementAnalyzer.Create();

    protected override Analyzer GetWrappedAnalyzer(string fieldName) => _real;

    protected override TokenStreamComponents WrapComponents(string fieldName, TokenStreamComponents components) =>
        new(components.Tokenizer, new Fault(components.TokenStream));

    private sealed class Fault : TokenFilter
    {
        private readonly ICharTermAttribute _term;

        public Fault(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken()) return false;
            if (_term.ToString().Contains(Word, StringComparison.Ordinal)) throw new ArgumentException("String contains invalid Unicode code points.");
            return true;
        }
    }
}
