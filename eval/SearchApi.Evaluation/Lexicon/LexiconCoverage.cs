using System.Globalization;
using System.Text;
using SearchApi.Core.Entities;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Lexicon;

/// <param name="Occurrences">Content-word occurrences (<see cref="ContentWords"/>) in the corpus.</param>
/// <param name="Covered">Those whose word the lexicon translates.</param>
/// <param name="Stems">Distinct content words (by stem), and how many of them the lexicon translates.</param>
public sealed record CorpusCoverage(string Corpus, string Lang, int Statements, long Occurrences, long Covered, int Stems, int CoveredStems)
{
    public double Share => Occurrences == 0 ? 0 : (double)Covered / Occurrences;
}

/// <summary>
/// How much of each corpus the lexicon translates: the share of content-word occurrences — outside function words and
/// the names the entity linker finds — whose word has a lexicon entry (found by the stem the query translator looks
/// it up by, so an inflected form counts when the translator would translate it).
/// </summary>
public static class LexiconCoverage
{
    public static IReadOnlyList<CorpusCoverage> Measure(string corpusFolder, Core.Translation.Lexicon lexicon, EntityLinker linker, int? sampleEvery = null)
    {
        var results = new List<CorpusCoverage>();
        foreach (var group in FullCorpus.Read(corpusFolder).GroupBy(c => c.Corpus))
        {
            var statements = group.Select(c => c.Statement).Where((_, i) => sampleEvery is null || i % sampleEvery == 0).ToList();
            foreach (var lang in Languages.All)
            {
                var inLang = statements.Where(s => s.Lang == lang).ToList();
                if (inLang.Count == 0) continue;
                var words = new ContentWords(lang);
                words.CountAll(inLang, linker);
                long covered = 0;
                var coveredStems = 0;
                foreach (var (stem, count) in words.Stems)
                    if (lexicon.Lookup(lang, stem).Count > 0)
                    {
                        covered += count;
                        coveredStems++;
                    }
                results.Add(new CorpusCoverage(group.Key, lang, inLang.Count, words.Total, covered, words.Stems.Count, coveredStems));
            }
        }
        return results;
    }

    public static string Report(IReadOnlyList<CorpusCoverage> coverage, Core.Translation.Lexicon lexicon)
    {
        var text = new StringBuilder();
        var byLang = lexicon.Entries.Where(e => !e.Inverse).GroupBy(e => (e.Lang, Term: e.Headword.Contains(' '))).ToDictionary(g => g.Key, g => g.Select(e => e.Headword).Distinct().Count());
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Lexicon: {byLang.GetValueOrDefault(("en", false)):N0} English and {byLang.GetValueOrDefault(("ru", false)):N0} Russian headwords, " +
            $"{byLang.GetValueOrDefault(("en", true)):N0} English and {byLang.GetValueOrDefault(("ru", true)):N0} Russian multiword terms " +
            $"({lexicon.Entries.Count(e => !e.Inverse):N0} senses as drafted; {lexicon.Entries.Count:N0} with each direction's entries read the other way).").AppendLine();
        text.AppendLine("| corpus | lang | statements | content-word occurrences | covered | coverage | distinct content words | translated |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var c in coverage)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Corpus} | {c.Lang} | {c.Statements:N0} | {c.Occurrences:N0} | {c.Covered:N0} | {c.Share:P1} | {c.Stems:N0} | {c.CoveredStems:N0} |");
        foreach (var lang in Languages.All)
        {
            var all = coverage.Where(c => c.Lang == lang).ToList();
            if (all.Count == 0) continue;
            var occurrences = all.Sum(c => c.Occurrences);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| **all {lang}** | {lang} | {all.Sum(c => c.Statements):N0} | {occurrences:N0} | {all.Sum(c => c.Covered):N0} | {(occurrences == 0 ? 0 : (double)all.Sum(c => c.Covered) / occurrences):P1} | | |");
        }
        return text.ToString();
    }
}
