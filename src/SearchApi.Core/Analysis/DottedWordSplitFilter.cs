using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Splits words joined by full stops between letters into their parts: the standard tokenizer keeps
/// "R.A.Kazakbayev" and "S.N.Zhaparov" as one token, so a search for the surname would miss them.
/// </summary>
public sealed class DottedWordSplitFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly Queue<(string Text, int Start, int End)> _pending = new();

    public DottedWordSplitFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            Emit(_pending.Dequeue(), increment: 1);
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var text = _term.ToString();
        if (!HasDotBetweenLetters(text)) return true;

        var start = _offset.StartOffset;
        // Offsets map one to one only when the token is exactly its source text.
        var exact = _offset.EndOffset - start == text.Length;
        var partStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '.') continue;
            if (i > partStart)
                _pending.Enqueue((text[partStart..i], exact ? start + partStart : start, exact ? start + i : _offset.EndOffset));
            partStart = i + 1;
        }
        Emit(_pending.Dequeue(), _increment.PositionIncrement);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }

    private void Emit((string Text, int Start, int End) part, int increment)
    {
        ClearAttributes();
        _term.SetEmpty().Append(part.Text);
        _offset.SetOffset(part.Start, part.End);
        _increment.PositionIncrement = increment;
    }

    private static bool HasDotBetweenLetters(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
            if (text[i] == '.' && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])) return true;
        return false;
    }
}
