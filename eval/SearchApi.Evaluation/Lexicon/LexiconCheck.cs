namespace SearchApi.Evaluation.Lexicon;

/// <summary>
/// Checks drafted lexicon lines by the rules of <see cref="Core.Translation.LexiconFormat"/>, and lists the candidate
/// words of a list (the most frequent content words, candidates-*.tsv) that no headword is found by yet.
/// </summary>
public static class LexiconCheck
{
    /// <summary>The candidate stems no headword of the lexicon is found by.</summary>
    public static IEnumerable<string> Uncovered(Core.Translation.Lexicon lexicon, string lang, IEnumerable<string> candidateLines) =>
        candidateLines.Select(l => l.Split('\t')).Where(c => c.Length >= 1 && lexicon.Lookup(lang, c[0]).Count == 0).Select(c => string.Join('\t', c));
}
