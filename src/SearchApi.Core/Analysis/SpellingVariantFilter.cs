using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchApi.Core.Analysis;

/// <summary>Replaces a lower-case British spelling with its American form (<see cref="SpellingVariants"/>); offsets stay the word's.</summary>
public sealed class SpellingVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup = Variants.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, string> Variants = new(SpellingVariants.BritishToAmerican, StringComparer.Ordinal);

    public SpellingVariantFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        if (!_keyword.IsKeyword && _lookup.TryGetValue(_term.Buffer.AsSpan(0, _term.Length), out var american))
            _term.SetEmpty().Append(american);
        return true;
    }
}
