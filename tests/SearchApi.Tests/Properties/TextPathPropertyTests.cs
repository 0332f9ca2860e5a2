using CsCheck;
using Lucene.Net.Index;
using Lucene.Net.Store;
using SearchApi.Core.Analysis;
using SearchApi.Core.Entities;
using SearchApi.Core.Indexing;
using SearchApi.Core.Parsing;
using SearchApi.Core.Search;
using SearchApi.Core.Statements;
using SearchApi.Tests.Support;

namespace SearchApi.Tests.Properties;

/// <summary>
/// Every text path is total: random text in the style of real sources (<see cref="MessyText"/>) goes through the
/// text rule, the parser, every analysis chain, the index writer, the entity linker, the query builder and the
/// highlighter, 10,000 cases each, without an exception and with every offset inside its text. A failure prints the
/// seed that reproduces it (CsCheck: set CsCheck_Seed to rerun it).
/// </summary>
public sealed class TextPathPropertyTests
{
    private const int Cases = 10_000;

    private static readonly Lucene.Net.Analysis.Analyzer IndexAnalyzer = StatementAnalyzer.Create();
    private static readonly Lucene.Net.Analysis.Analyzer QueryAnalyzer = StatementAnalyzer.Create(AnalysisMode.Query);
    private static readonly string[] AnalysedFields =
    [
        IndexFields.Title(Languages.English), IndexFields.Text(Languages.English), IndexFields.Title(Languages.Russian),
        IndexFields.Text(Languages.Russian), IndexFields.ExactTitle, IndexFields.Exact, IndexFields.Translit, IndexFields.TranslitTitle,
    ];

    [Fact]
    public void The_text_rule_gives_well_formed_NFC_text_and_is_idempotent() =>
        MessyText.Text().Sample(raw =>
        {
            var normal = TextNormalizer.Normalize(raw);
            Assert.True(MessyText.IsWellFormed(normal));
            Assert.DoesNotContain('\r', normal);
            Assert.True(normal.IsNormalized(System.Text.NormalizationForm.FormC));
            Assert.Equal(normal, TextNormalizer.Normalize(normal));
        }, iter: Cases);

    [Fact]
    public void Strict_UTF8_decoding_agrees_with_the_framework_on_any_bytes() =>
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            var strict = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
            string? expected;
            try
            {
                expected = strict.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? 3 : 0));
            }
            catch (System.Text.DecoderFallbackException)
            {
                expected = null;
            }
            var decoded = Utf8Text.TryDecode(bytes, out var badByte);
            Assert.Equal(expected, decoded);
            Assert.Equal(decoded is null, badByte >= 0 && badByte < bytes.Length);
        }, iter: Cases);

    [Fact]
    public void Every_analysis_chain_keeps_offsets_inside_the_text_and_in_order() =>
        MessyText.Text().Sample(text =>
        {
            foreach (var analyzer in new[] { IndexAnalyzer, QueryAnalyzer })
                foreach (var field in AnalysedFields)
                    AssertTokenStream(analyzer, field, text);
        }, iter: Cases);

    [Fact]
    public void The_parser_accepts_any_text_and_any_record() =>
        Gen.Select(MessyText.Text(), MessyText.Text(8), MessyText.Text(3)).Sample((text, title, field) =>
        {
            var parser = new StatementParser(TimeProvider.System);
            foreach (var statement in parser.ParseText(text)) AssertWellFormed(statement);
            var result = RecordParser.Parse(new StatementRecord(Title: title, Text: text, Source: field, Author: field, Lang: null));
            if (result.Statement is { } parsed) AssertWellFormed(parsed);
            else Assert.False(string.IsNullOrEmpty(result.Error));
        }, iter: Cases);

    [Fact]
    public void Parsed_statements_can_always_be_indexed()
    {
        using var folder = new TempDirectory();
        using var directory = FSDirectory.Open(folder.Path);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, IndexAnalyzer));
        var linker = new EntityLinker(Gazetteer.Embedded);
        var seq = 0L;
        Gen.Select(MessyText.Text(), MessyText.Text(8)).Sample((text, title) =>
        {
            if (RecordParser.Parse(new StatementRecord(Title: title, Text: text)).Statement is not { } statement) return;
            statement = statement with { Entities = linker.Link(statement.Title, statement.Text) };
            lock (writer) writer.UpdateDocument(new Term(IndexFields.Id, statement.Id), StatementDocuments.Create(statement, Interlocked.Increment(ref seq)));
        }, iter: Cases);
        writer.Commit();
    }

    [Fact]
    public void The_linker_finds_mentions_inside_the_text() =>
        Gen.Select(MessyText.Text(), MessyText.Text(8)).Sample((text, title) =>
        {
            var linker = new EntityLinker(Gazetteer.Embedded);
            foreach (var entity in linker.Link(title, text))
                foreach (var mention in entity.Mentions)
                {
                    var length = mention.Field == EntityMention.InTitle ? title.Length : text.Length;
                    Assert.InRange(mention.Start, 0, length);
                    Assert.InRange(mention.Start + mention.Length, mention.Start + 1, length);
                }
            foreach (var span in linker.LinkQuery(text)) Assert.True(span.Start >= 0 && span.Start < span.End && span.End <= text.Length);
        }, iter: Cases);

    [Fact]
    public void The_query_builder_reads_any_text_or_refuses_it_with_its_own_errors() =>
        MessyText.Text(20).Sample(query =>
        {
            var builder = QueryBuilder.Standard(new EntityLinker(Gazetteer.Embedded));
            try
            {
                var plan = builder.Build(query);
                Assert.NotNull(plan.Query);
            }
            catch (QueryLimitException)
            {
                // Too many words is a refusal with its own code, not a failure.
            }
            try
            {
                builder.Build(query, strict: true);
            }
            catch (Exception e) when (e is QuerySyntaxException or QueryLimitException)
            {
            }
        }, iter: Cases);

    private static readonly string[] LexiconWords = Core.Translation.Lexicon.Embedded.Entries.Select(e => e.Headword).Distinct().ToArray();

    // Queries made of lexicon headwords and terms (as typed, in capitals, cut short) among messy fragments: the
    // translations, multiword terms and their phrase queries are built for any of them.
    private static readonly Gen<string> LexiconQuery = Gen.Select(
        Gen.Frequency((3, Gen.Int[0, LexiconWords.Length - 1].Select(i => LexiconWords[i])), (1, MessyText.Fragment)).Array[1, 8],
        Gen.Int[0, 2]).Select((words, mangle) => string.Join(' ', words.Select(w => mangle switch
        {
            1 => w.ToUpperInvariant(),
            2 => w.Length > 3 ? w[..^1] : w,
            _ => w,
        })));

    [Fact]
    public void Queries_of_lexicon_words_translate_and_build_whatever_their_form() =>
        LexiconQuery.Sample(query =>
        {
            var builder = QueryBuilder.Standard(new EntityLinker(Gazetteer.Embedded));
            try
            {
                var plan = builder.Build(query);
                Assert.NotNull(plan.Query);
                foreach (var form in plan.Words.SelectMany(w => w.Translations ?? []))
                {
                    Assert.NotEmpty(form.Positions);
                    Assert.All(form.Positions, p => Assert.NotEmpty(p.Stems));
                    Assert.InRange(form.Weight, 0.01f, 1f);
                }
            }
            catch (QueryLimitException)
            {
            }
        }, iter: 2_000);

    [Fact]
    public void Snippets_and_highlights_stay_inside_well_formed_text() =>
        Gen.Select(MessyText.Text(60), Gen.Int[0, 5], Gen.Int[SnippetOptions.MinLength, 300], Gen.Int[0, 30]).Sample((raw, count, length, marks) =>
        {
            var text = TextNormalizer.Normalize(raw);
            // Matches where analysis puts them: on the exact field's tokens.
            var matches = StatementAnalyzer.Tokens(IndexAnalyzer, IndexFields.Exact, text)
                .Where((_, i) => marks > 0 && i % marks == 0)
                .Select(t => new Match(t.Start, t.End, t.Term))
                .DistinctBy(m => m.Start)
                .ToList();
            var snippets = Highlighter.Snippets(text, matches, new SnippetOptions(count, length));
            Assert.True(snippets.Count <= count);
            foreach (var snippet in snippets)
            {
                Assert.True(MessyText.IsWellFormed(snippet.Text), "a snippet cut a surrogate pair");
                foreach (var highlight in snippet.Highlights)
                    Assert.True(highlight.Start >= 0 && highlight.Length > 0 && highlight.Start + highlight.Length <= snippet.Text.Length);
                _ = HtmlHighlights.Render(snippet.Text, snippet.Highlights);
            }
        }, iter: Cases);

    [Fact]
    public void Name_keys_and_folding_accept_any_word() =>
        MessyText.Fragment.Array[1, 4].Select(string.Concat).Sample(word =>
        {
            _ = Transliteration.Key(word);
            _ = RussianNames.Key(RussianNames.Fold(word));
            _ = LinkTokens.Fold(word);
            _ = LinkTokens.CaseOf(word);
            _ = Titles.Shorten(word, 10);
            Assert.True(MessyText.IsWellFormed(Titles.Shorten(TextNormalizer.Normalize(word), 10)));
        }, iter: Cases);

    [Fact]
    public void Megabyte_paragraphs_go_through_every_text_path()
    {
        var parser = new StatementParser(TimeProvider.System);
        var linker = new EntityLinker(Gazetteer.Embedded);
        MessyText.Text(200).Select(chunk => string.Concat(Enumerable.Repeat(chunk.Length == 0 ? "x" : chunk, 1_000_000 / Math.Max(1, chunk.Length) + 1))).Sample(big =>
        {
            foreach (var statement in parser.ParseText(big)) AssertWellFormed(statement);
            _ = linker.Link("title", big);
            foreach (var field in new[] { IndexFields.Exact, IndexFields.Text(Languages.Russian), IndexFields.Translit })
                AssertTokenStream(IndexAnalyzer, field, big);
        }, iter: 6, threads: 1);
    }

    private static void AssertTokenStream(Lucene.Net.Analysis.Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var offset = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IOffsetAttribute>();
        var increment = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var position = -1;
        var lastStart = 0;
        while (stream.IncrementToken())
        {
            Assert.True(increment.PositionIncrement >= 0, $"{field}: negative position increment");
            position += increment.PositionIncrement;
            Assert.True(position >= 0, $"{field}: the first token has no position");
            Assert.True(offset.StartOffset >= lastStart, $"{field}: offsets went backwards at '{term}'");
            Assert.True(offset.StartOffset <= offset.EndOffset && offset.EndOffset <= text.Length, $"{field}: offsets {offset.StartOffset}-{offset.EndOffset} outside {text.Length}");
            Assert.True(term.Length > 0, $"{field}: an empty term");
            lastStart = offset.StartOffset;
        }
        stream.End();
        Assert.True(offset.EndOffset <= text.Length, $"{field}: final offset {offset.EndOffset} past {text.Length}");
    }

    private static void AssertWellFormed(Statement statement)
    {
        Assert.NotEmpty(statement.Paragraphs);
        Assert.True(MessyText.IsWellFormed(statement.Title), "title");
        Assert.All(statement.Paragraphs, p => Assert.True(p.Length > 0 && MessyText.IsWellFormed(p)));
        Assert.True(StatementIds.IsValid(statement.Id));
        foreach (var field in new[] { statement.Source, statement.Author })
            if (field is not null) Assert.True(MessyText.IsWellFormed(field));
    }
}
