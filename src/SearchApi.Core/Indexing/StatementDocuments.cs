using System.Globalization;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Indexing;

/// <summary>
/// Maps a statement to its Lucene document, and a hit back to a statement summary. Nothing is kept as stored fields:
/// what a hit returns lives in doc values, read by random access without decompressing neighbouring documents, and the
/// analysed fields record each word's offsets, so that highlighting reads matches from the postings.
/// </summary>
public static class StatementDocuments
{
    /// <summary>Analysed, with positions and character offsets in the postings.</summary>
    private static readonly FieldType Analysed = CreateAnalysed();

    public static Document Create(Statement statement, long seq)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, statement.Id, Field.Store.NO),
            new SortedDocValuesField(IndexFields.Id, new BytesRef(statement.Id)),
            new BinaryDocValuesField(IndexFields.StoredTitle, Utf8(statement.Title)),
            new BinaryDocValuesField(IndexFields.StoredText, Utf8(statement.Text)),
            new Field(IndexFields.Title(statement.Lang), statement.Title, Analysed),
            new Field(IndexFields.Text(statement.Lang), statement.Text, Analysed),
            new Field(IndexFields.ExactTitle, statement.Title, Analysed),
            new Field(IndexFields.Exact, statement.Text, Analysed),
            new Field(IndexFields.TranslitTitle, statement.Title, Analysed),
            new Field(IndexFields.Translit, statement.Text, Analysed),
            new NumericDocValuesField(IndexFields.Seq, seq),
        };
        foreach (var entity in statement.Entities)
        {
            // One token per mention, so that a statement naming an entity often ranks above one naming it once.
            document.Add(new TextField(IndexFields.Entity, Repeat(entity.Id, entity.Mentions.Count), Field.Store.NO));
            var inTitle = entity.Mentions.Count(m => m.Field == EntityMention.InTitle);
            if (inTitle > 0) document.Add(new TextField(IndexFields.EntityTitle, Repeat(entity.Id, inTitle), Field.Store.NO));
            AddKeyword(document, entity.Type, entity.Id);
        }
        if (statement.Entities.Count > 0) document.Add(new BinaryDocValuesField(IndexFields.Mentions, Utf8(MentionCodec.Write(statement.Entities))));
        AddKeyword(document, IndexFields.Lang, statement.Lang);
        AddKeyword(document, IndexFields.Kind, statement.Kind);
        if (statement.Source is not null) AddKeyword(document, IndexFields.Source, statement.Source);
        if (statement.Date is { } date)
        {
            var days = DateEncoding.ToDays(date);
            document.Add(new Int32Field(IndexFields.Date, days, Field.Store.NO));
            document.Add(new NumericDocValuesField(IndexFields.Date, days));
            AddKeyword(document, IndexFields.Year, date.Year.ToString(CultureInfo.InvariantCulture));
        }
        if (statement.DatePrecision is not null) document.Add(new BinaryDocValuesField(IndexFields.DatePrecision, Utf8(statement.DatePrecision)));
        if (statement.Url is not null) document.Add(new BinaryDocValuesField(IndexFields.Url, Utf8(statement.Url)));
        if (statement.Author is not null) document.Add(new BinaryDocValuesField(IndexFields.Author, Utf8(statement.Author)));
        return document;
    }

    /// <summary>A hit (a document number of <paramref name="searcher"/>) as a statement summary; without its text unless asked.</summary>
    public static IndexedStatement Read(IndexSearcher searcher, int doc, bool withText = true)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        return Read(leaf.AtomicReader, doc - leaf.DocBase, withText);
    }

    /// <summary>A document of one segment as a statement summary.</summary>
    public static IndexedStatement Read(AtomicReader reader, int doc, bool withText = true)
    {
        var bytes = new BytesRef();
        var date = reader.GetDocsWithField(IndexFields.Date) is { } dated && dated.Get(doc)
            ? DateEncoding.FromDays((int)reader.GetNumericDocValues(IndexFields.Date).Get(doc))
            : (DateOnly?)null;
        return new IndexedStatement(
            Sorted(reader, IndexFields.Id, doc, bytes) ?? "",
            Keyword(reader, IndexFields.Lang, doc, bytes) ?? "",
            Binary(reader, IndexFields.StoredTitle, doc, bytes) ?? "",
            date,
            Binary(reader, IndexFields.DatePrecision, doc, bytes),
            Keyword(reader, IndexFields.Source, doc, bytes),
            Binary(reader, IndexFields.Url, doc, bytes),
            Keyword(reader, IndexFields.Kind, doc, bytes) ?? "",
            withText ? Binary(reader, IndexFields.StoredText, doc, bytes) ?? "" : "",
            Binary(reader, IndexFields.Mentions, doc, bytes));
    }

    private static FieldType CreateAnalysed()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS };
        type.Freeze();
        return type;
    }

    private static BytesRef Utf8(string value) => new(Encoding.UTF8.GetBytes(value));

    private static string Repeat(string id, int times) => string.Join(' ', Enumerable.Repeat(id, Math.Max(1, times)));

    private static void AddKeyword(Document document, string field, string value)
    {
        document.Add(new StringField(field, value, Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    // A segment where no document has the field has no doc values for it; an empty value means absent.
    private static string? Binary(AtomicReader reader, string field, int doc, BytesRef bytes)
    {
        if (reader.GetBinaryDocValues(field) is not { } values) return null;
        values.Get(doc, bytes);
        return bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes.Bytes, bytes.Offset, bytes.Length);
    }

    private static string? Sorted(AtomicReader reader, string field, int doc, BytesRef bytes)
    {
        if (reader.GetSortedDocValues(field) is not { } values || values.GetOrd(doc) < 0) return null;
        values.Get(doc, bytes);
        return bytes.Utf8ToString();
    }

    // Keyword fields hold one value per statement; their sorted-set doc values serve facets and hits alike.
    private static string? Keyword(AtomicReader reader, string field, int doc, BytesRef bytes)
    {
        if (reader.GetSortedSetDocValues(field) is not { } values) return null;
        values.SetDocument(doc);
        var ord = values.NextOrd();
        if (ord == SortedSetDocValues.NO_MORE_ORDS) return null;
        values.LookupOrd(ord, bytes);
        return bytes.Utf8ToString();
    }
}

/// <summary>What the index keeps of a statement: enough to answer a search without the SQL store.</summary>
/// <param name="StoredMentions">The entity mentions as <see cref="MentionCodec"/> writes them; read when first asked for.</param>
public sealed record IndexedStatement(
    string Id, string Lang, string Title, DateOnly? Date, string? DatePrecision, string? Source, string? Url, string Kind, string Text,
    string? StoredMentions)
{
    private IReadOnlyList<IndexedMention>? _mentions;

    public IReadOnlyList<IndexedMention> Mentions => _mentions ??= MentionCodec.Read(StoredMentions);
}
