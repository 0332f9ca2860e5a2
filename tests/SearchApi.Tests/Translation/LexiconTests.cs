using SearchApi.Core.Analysis;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;
using SearchApi.Core.Translation;

namespace SearchApi.Tests.Translation;

/// <summary>The shipped lexicon, checked like the gazetteer: its structure, no repeats, and words the analyzers keep.</summary>
public sealed class LexiconTests
{
    private static readonly IReadOnlyList<(string File, IReadOnlyList<string> Lines)> Files = Lexicon.EmbeddedFiles();

    [Fact]
    public void The_lexicon_ships_its_four_files()
    {
        Assert.Equal(["en-ru.jsonl", "forms.jsonl", "ru-en.jsonl", "terms.jsonl"], Files.Select(f => f.File));
        Assert.All(Files, f => Assert.True(f.Lines.Count > 500, $"{f.File} has {f.Lines.Count} lines"));
    }

    [Fact]
    public void Every_line_has_the_agreed_shape_and_none_repeats_another()
    {
        var problems = Files.SelectMany(f => LexiconFormat.Problems(f.File, f.Lines)).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void No_headword_repeats_a_sense_with_the_same_part_of_speech_and_gloss()
    {
        var repeated = Lexicon.Embedded.Entries.Where(e => !e.Inverse)
            .GroupBy(e => (e.Lang, Headword: e.Headword.ToLowerInvariant(), e.Pos, e.Sense, Translations: string.Join('|', e.Translations)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Lang} {g.Key.Headword} ({g.Key.Pos}, {g.Key.Sense}): {g.Key.Translations}")
            .ToList();

        Assert.True(repeated.Count == 0, string.Join("\n", repeated.Take(20)));
    }

    [Fact]
    public void Every_irregular_form_names_a_headword()
    {
        var forms = Files.Single(f => f.File == "forms.jsonl");

        var unknown = LexiconFormat.UnknownLemmas(Lexicon.Embedded, forms.File, forms.Lines).ToList();

        Assert.True(unknown.Count == 0, string.Join("\n", unknown.Take(20)));
    }

    [Fact]
    public void Every_headword_survives_its_own_chain_and_translates_into_words_the_other_chain_keeps()
    {
        var lexicon = Lexicon.Embedded;
        var translator = new QueryTranslator(lexicon);
        var lost = new List<string>();
        foreach (var entry in lexicon.Entries.Where(e => !e.Inverse && !QueryTranslator.IsFunctionWord(e.Headword)))
        {
            if (!lexicon.Keys(entry.Lang, entry.Headword, entry.Pos).Any())
            {
                lost.Add($"{entry.Lang} headword '{entry.Headword}' has no stem: the analyzer drops it");
                continue;
            }
            var words = entry.Headword.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var forms = words.Length == 1 ? translator.Word(entry.Headword) : translator.Term(words, 0)?.Forms ?? [];
            if (forms.Count == 0) lost.Add($"{entry.Lang} '{entry.Headword}' translates to nothing searchable ({string.Join(", ", entry.Translations)})");
        }

        Assert.True(lost.Count == 0, $"{lost.Count} entries:\n" + string.Join("\n", lost.Take(40)));
    }

    [Fact]
    public void Every_headword_is_found_by_its_own_form_and_its_forms()
    {
        var lexicon = Lexicon.Embedded;
        var translator = new QueryTranslator(lexicon);

        Assert.Contains(translator.Word("санкциями"), f => f.Text == "sanction");
        Assert.Contains(translator.Word("sanctions"), f => f.Text == "санкция");
        Assert.Contains(translator.Word("переговорах"), f => f.Text == "talks");
        Assert.Contains(translator.Word("went"), f => f.Headword == "go");
        Assert.Contains(translator.Word("провёл"), f => f.Headword == "провести");
        Assert.Contains(translator.Word("беженцев"), f => f.Text == "refugee");
        Assert.Empty(translator.Word("the"));
        Assert.Empty(translator.Word("что"));
        Assert.Empty(translator.Word("2024"));
    }

    [Fact]
    public void Multiword_terms_are_found_in_any_case_and_translate_as_phrases()
    {
        var translator = new QueryTranslator(Lexicon.Embedded);

        var term = translator.Term(["совместного", "заявления"], 0);
        Assert.NotNull(term);
        Assert.Equal(2, term.Value.Length);
        var joint = Assert.Single(term.Value.Forms, f => f.Text == "joint statement");
        Assert.Equal(Languages.English, joint.To);
        Assert.Equal(2, joint.Positions.Count);

        var aid = translator.Term(["humanitarian", "aid"], 0)!.Value.Forms.First(f => f.Text == "гуманитарная помощь");
        // Every case form of the Russian phrase: гуманитарной помощи, гуманитарную помощь …
        var analyzer = StatementAnalyzer.Create();
        foreach (var form in new[] { "гуманитарной помощи", "гуманитарную помощь", "гуманитарная помощь" })
        {
            var stems = StatementAnalyzer.Tokens(analyzer, IndexFields.Text(Languages.Russian), form).Select(t => t.Term).ToList();
            Assert.Contains(stems[0], aid.Positions[0].Stems);
            Assert.Contains(stems[1], aid.Positions[1].Stems);
        }
    }
}
