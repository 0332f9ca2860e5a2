namespace SearchApi.Core.Parsing;

/// <summary>Tidies personal names as they appear in bylines.</summary>
public static class Names
{
    /// <summary>Capitalises words written wholly in capitals ("Baktygul OSMONALIEVA" gives "Baktygul Osmonalieva").</summary>
    public static string Capitalize(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length > 1 && word.Any(char.IsLetter) && word.Where(char.IsLetter).All(char.IsUpper))
                words[i] = word[0] + word[1..].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }
}
