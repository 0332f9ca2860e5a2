using System.Collections.Frozen;

namespace SearchApi.Core.Analysis;

/// <summary>
/// British spellings and their American forms (Analysis/SpellingVariants/en-gb-us.tsv, embedded): "programme",
/// "favourable", "organisation", "defence" are indexed and searched as "program", "favorable", "organization",
/// "defense", so either spelling finds both.
/// </summary>
public static class SpellingVariants
{
    public static readonly FrozenDictionary<string, string> BritishToAmerican = Load();

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(SpellingVariants).Assembly.GetManifestResourceStream(
            typeof(SpellingVariants).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("en-gb-us.tsv", StringComparison.Ordinal)))!;
        using var reader = new StreamReader(stream);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab > 0) pairs[line[..tab]] = line[(tab + 1)..];
        }
        return pairs.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
