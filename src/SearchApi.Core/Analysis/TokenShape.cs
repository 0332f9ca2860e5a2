namespace SearchApi.Core.Analysis;

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
