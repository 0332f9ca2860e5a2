using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Adds, at the same position, the <see cref="RussianNames"/> key of a Cyrillic name as a keyword the stemmer leaves
/// alone, so every case of a surname shares one term. In index mode only capitalised words are names; in query mode
/// every Cyrillic word gets the key too, because people type names in lower case. Place before lower-casing.
/// </summary>
public sealed class RussianNameKeyFilter : TokenFilter
{
    private readonly AnalysisMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IKeywordAttribute _keyword;
    private State? _original;
    private string? _pendingKey;

    public RussianNameKeyFilter(TokenStream input, AnalysisMode mode) : base(input)
    {
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingKey is not null)
        {
            RestoreState(_original);
            _term.SetEmpty().Append(_pendingKey);
            _increment.PositionIncrement = 0;
            _keyword.IsKeyword = true;
            _pendingKey = null;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var token = _term.Buffer.AsSpan(0, _term.Length);
        if (!RussianNames.IsCyrillic(token.ToString()) || TokenShape.IsAllCapitals(token)) return true;
        if (_mode == AnalysisMode.Index && !TokenShape.IsCapitalised(token)) return true;
        _pendingKey = RussianNames.Key(RussianNames.Fold(token.ToString()));
        _original = CaptureState();
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingKey = null;
        _original = null;
    }
}
