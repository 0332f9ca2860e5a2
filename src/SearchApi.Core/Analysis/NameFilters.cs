using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>Whether a chain analyses stored text (names are recognised by their capital) or a user's query (typed in any case).</summary>
public enum AnalysisMode
{
    Index,
    Query,
}

/// <summary>Shared tests on raw tokens, before lower-casing.</summary>
internal static class TokenShape
{
    /// <summary>A capitalised word ("Лавров", "Japarov"), not an all-capital abbreviation ("ОДКБ") and not lower case.</summary>
    public static bool IsCapitalised(ReadOnlySpan<char> token) =>
        token.Length > 1 && char.IsUpper(token[0]) && HasLower(token[1..]);

    public static bool IsAllCapitals(ReadOnlySpan<char> token)
    {
        var letters = 0;
        foreach (var c in token)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters > 0;
    }

    private static bool HasLower(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (char.IsLower(c)) return true;
        return false;
    }
}

/// <summary>Folds ё to е (and Ё to Е), so "ёлка" and "елка" are one term.</summary>
public sealed class YoFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public YoFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (buffer[i] == 'ё') buffer[i] = 'е';
            else if (buffer[i] == 'Ё') buffer[i] = 'Е';
        }
        return true;
    }
}

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

    public override void Reset()
    {
        base.Reset();
        _pendingKey = null;
        _skippedPositions = 0;
    }
}
