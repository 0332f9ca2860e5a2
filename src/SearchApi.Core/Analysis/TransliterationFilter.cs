using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Replaces words by their <see cref="Transliteration"/> keys, so a name matches its spellings in the other script.
/// Cyrillic words also get the key of their name form ("Казакбаевым" → kazakbaev). In index mode only capitalised
/// words (names) are kept; abbreviations and short words are dropped (entities cover them). Place before lower-casing.
/// </summary>
public sealed class TransliterationFilter : TokenFilter
{
    private const int MinLength = 3;

    private readonly AnalysisMode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private string? _pendingKey;
    private int _skippedPositions;

    public TransliterationFilter(TokenStream input, AnalysisMode mode) : base(input)
    {
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pendingKey is not null)
        {
            _term.SetEmpty().Append(_pendingKey);
            _increment.PositionIncrement = 0;
            _pendingKey = null;
            return true;
        }
        while (m_input.IncrementToken())
        {
            var token = _term.ToString();
            var keep = token.Length >= MinLength && !TokenShape.IsAllCapitals(token)
                && (_mode == AnalysisMode.Query || TokenShape.IsCapitalised(token));
            var key = keep ? Transliteration.Key(token) : "";
            if (key.Length < MinLength)
            {
                _skippedPositions += _increment.PositionIncrement;
                continue;
            }
            if (RussianNames.IsCyrillic(token))
            {
                var nameKey = Transliteration.Key(RussianNames.Key(RussianNames.Fold(token)));
                if (nameKey != key && nameKey.Length >= MinLength) _pendingKey = nameKey;
            }
            _term.SetEmpty().Append(key);
            _increment.PositionIncrement += _skippedPositions;
            _skippedPositions = 0;
            return true;
        }
        return false;
    }

    /// <summary>Positions of words dropped after the last token still count, as Lucene's FilteringTokenFilter counts them.</summary>
    public override void End()
    {
        base.End();
        _increment.PositionIncrement += _skippedPositions;
        _skippedPositions = 0;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingKey = null;
        _skippedPositions = 0;
    }
}
