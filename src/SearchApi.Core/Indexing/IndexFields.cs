namespace SearchApi.Core.Indexing;

/// <summary>Names of the Lucene fields; the index schema in one place.</summary>
public static class IndexFields
{
    /// <summary>Identity: indexed keyword, and sorted doc values (read back for hits, and the final tie-break).</summary>
    public const string Id = "id";

    /// <summary>Title and body analysed with their language's chain: title_en, text_en, title_ru, text_ru.</summary>
    public static string Title(string lang) => "title_" + lang;

    public static string Text(string lang) => "text_" + lang;

    /// <summary>Whether an analysed field holds a title (title_xx, exact_title, translit_title) rather than a body.</summary>
    public static bool IsTitle(string field) => field is ExactTitle or TranslitTitle || field.StartsWith("title_", StringComparison.Ordinal);

    /// <summary>Whether a field holds the words as written (exact, exact_title).</summary>
    public static bool IsExact(string field) => field is Exact or ExactTitle;

    /// <summary>Body in lower case with ё folded, unstemmed, in both languages: exact forms and phrases rank first.</summary>
    public const string Exact = "exact";

    /// <summary>Title in lower case with ё folded, unstemmed.</summary>
    public const string ExactTitle = "exact_title";

    /// <summary>Names in the body as spelling-independent Latin keys: cross-script name matches.</summary>
    public const string Translit = "translit";

    /// <summary>Names in the title as transliteration keys.</summary>
    public const string TranslitTitle = "translit_title";

    /// <summary>Linked entity ids (person:…, organization:…, place:…), once per mention in title or body: cross-language matches and entity filters.</summary>
    public const string Entity = "entity";

    /// <summary>Entity ids mentioned in the title, once per mention.</summary>
    public const string EntityTitle = "entity_title";

    // Entity ids by type: filters and facets.
    public const string Person = "person";
    public const string Organization = "organization";
    public const string Place = "place";

    /// <summary>Entity mentions (id and offsets) as binary doc values, for highlighting entity matches.</summary>
    public const string Mentions = "mentions";

    // Keyword fields, indexed for filters and with sorted-set doc values for facets.
    public const string Lang = "lang";
    public const string Source = "source";
    public const string Kind = "kind";
    public const string Year = "year";

    /// <summary>Days since 1970-01-01: numeric range field, and numeric doc values for sorting and hits. Absent when undated.</summary>
    public const string Date = "date";

    // Binary doc values only, returned with hits: read by random access, without the decompression stored fields need.
    public const string StoredTitle = "title";
    public const string StoredText = "text";
    public const string DatePrecision = "date_precision";
    public const string Url = "url";
    public const string Author = "author";
    public const string Seq = "seq";

    public static readonly IReadOnlyList<string> KeywordFacets = [Lang, Source, Kind, Year];

    public static readonly IReadOnlyList<string> EntityFacets = [Person, Organization, Place];
}
