using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>
/// Folds Latin letters that look like Cyrillic ones inside an otherwise Cyrillic word: scraped and OCR'd Russian text
/// writes «провeл», «ещe» with a Latin e, which no one can type back. A word changes only when it has a Cyrillic letter
/// and every Latin letter in it has a Cyrillic twin; offsets stay the word's.
/// </summary>
public sealed class MixedScriptFoldingFilter : TokenFilter
{
    private const string Latin = "AaBCcEeHKkMOoPpTXxYy";
    private const string Cyrillic = "АаВСсЕеНКкМОоРрТХхУу";

    private readonly ICharTermAttribute _term;

    public MixedScriptFoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        var (cyrillic, latin) = (false, false);
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is >= '\u0400' and <= '\u04FF') cyrillic = true;
            else if (char.IsAsciiLetter(c))
            {
                if (Latin.IndexOf(c) < 0) return true;
                latin = true;
            }
        }
        if (!cyrillic || !latin) return true;
        for (var i = 0; i < length; i++)
            if (Latin.IndexOf(buffer[i]) is var at and >= 0) buffer[i] = Cyrillic[at];
        return true;
    }
}
