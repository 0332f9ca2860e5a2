using SearchApi.Core.Search;

namespace SearchApi.Contracts;

/// <summary>The wire names of <see cref="MatchKind"/>.</summary>
public static class MatchKindNames
{
    /// <summary>Every name, as matchedBy lists them.</summary>
    public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<MatchKind>().Select(Of).Distinct()];

    public static string Of(MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.Stem => "stem",
        MatchKind.Entity => "entity",
        MatchKind.Translit => "translit",
        MatchKind.Translation => "translation",
        _ => "typo",
    };
}
