using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Indexing;

/// <summary>Maps a statement to its Lucene document and a stored document back to a hit.</summary>
public static class StatementDocuments
{
    public static Document Create(Statement statement, long seq)
    {
        var document = new Document
        {
            new StringField(IndexFields.Id, statement.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.Id, new BytesRef(statement.Id)),
            new StoredField(IndexFields.StoredTitle, statement.Title),
            new StoredField(IndexFields.StoredText, statement.Text),
            new TextField(IndexFields.Title(statement.Lang), statement.Title, Field.Store.NO),
            new TextField(IndexFields.Text(statement.Lang), statement.Text, Field.Store.NO),
            new TextField(IndexFields.ExactTitle, statement.Title, Field.Store.NO),
            new TextField(IndexFields.Exact, statement.Text, Field.Store.NO),
            new TextField(IndexFields.TranslitTitle, statement.Title, Field.Store.NO),
            new TextField(IndexFields.Translit, statement.Text, Field.Store.NO),
            new StoredField(IndexFields.Seq, seq),
        };
        foreach (var entity in statement.Entities)
        {
            // One token per mention, so that a statement naming an entity often ranks above one naming it once.
            document.Add(new TextField(IndexFields.Entity, Repeat(entity.Id, entity.Mentions.Count), Field.Store.NO));
            var inTitle = entity.Mentions.Count(m => m.Field == EntityMention.InTitle);
            if (inTitle > 0) document.Add(new TextField(IndexFields.EntityTitle, Repeat(entity.Id, inTitle), Field.Store.NO));
            AddKeyword(document, entity.Type, entity.Id);
        }
        if (statement.Entities.Count > 0) document.Add(new StoredField(IndexFields.Mentions, MentionCodec.Write(statement.Entities)));
        AddKeyword(document, IndexFields.Lang, statement.Lang);
        AddKeyword(document, IndexFields.Kind, statement.Kind);
        if (statement.Source is not null) AddKeyword(document, IndexFields.Source, statement.Source);
        if (statement.Date is { } date)
        {
            var days = DateEncoding.ToDays(date);
            document.Add(new Int32Field(IndexFields.Date, days, Field.Store.YES));
            document.Add(new NumericDocValuesField(IndexFields.Date, days));
            AddKeyword(document, IndexFields.Year, date.Year.ToString(CultureInfo.InvariantCulture));
        }
        if (statement.DatePrecision is not null) document.Add(new StoredField(IndexFields.DatePrecision, statement.DatePrecision));
        if (statement.Url is not null) document.Add(new StoredField(IndexFields.Url, statement.Url));
        if (statement.Author is not null) document.Add(new StoredField(IndexFields.Author, statement.Author));
        return document;
    }

    private static string Repeat(string id, int times) => string.Join(' ', Enumerable.Repeat(id, Math.Max(1, times)));

    private static void AddKeyword(Document document, string field, string value)
    {
        document.Add(new StringField(field, value, Field.Store.YES));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    /// <summary>The stored fields of a hit, as a statement summary.</summary>
    public static IndexedStatement Read(Document document)
    {
        var days = document.GetField(IndexFields.Date)?.GetInt32Value();
        return new IndexedStatement(
            document.Get(IndexFields.Id),
            document.Get(IndexFields.Lang),
            document.Get(IndexFields.StoredTitle),
            days is { } d ? DateEncoding.FromDays(d) : null,
            document.Get(IndexFields.DatePrecision),
            document.Get(IndexFields.Source),
            document.Get(IndexFields.Url),
            document.Get(IndexFields.Kind),
            document.Get(IndexFields.StoredText),
            MentionCodec.Read(document.Get(IndexFields.Mentions)));
    }
}

/// <summary>What the index stores of a statement: enough to answer a search without the SQL store.</summary>
public sealed record IndexedStatement(
    string Id, string Lang, string Title, DateOnly? Date, string? DatePrecision, string? Source, string? Url, string Kind, string Text,
    IReadOnlyList<IndexedMention> Mentions);
