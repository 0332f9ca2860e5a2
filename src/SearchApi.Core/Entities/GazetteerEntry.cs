using System.Text.Json.Serialization;

namespace SearchApi.Core.Entities;

/// <summary>English and Russian forms of one kind of name.</summary>
public sealed record NameForms(
    [property: JsonPropertyName("en")] IReadOnlyList<string>? En,
    [property: JsonPropertyName("ru")] IReadOnlyList<string>? Ru)
{
    public IEnumerable<string> All => (En ?? []).Concat(Ru ?? []);
}

/// <summary>A label or abbreviation in each language.</summary>
public sealed record LanguagePair(
    [property: JsonPropertyName("en")] string? En,
    [property: JsonPropertyName("ru")] string? Ru);

/// <summary>One line of a gazetteer file (src/SearchApi.Core/Entities/Gazetteer/*.jsonl).</summary>
public sealed record GazetteerEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("iso2")] string? Iso2,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("label")] LanguagePair Label,
    [property: JsonPropertyName("abbr")] LanguagePair? Abbr,
    [property: JsonPropertyName("names")] NameForms Names,
    [property: JsonPropertyName("adjectives")] NameForms? Adjectives,
    [property: JsonPropertyName("demonyms")] NameForms? Demonyms,
    [property: JsonPropertyName("surnames")] NameForms? Surnames,
    [property: JsonPropertyName("primary")] bool Primary = false);

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GazetteerEntry))]
internal sealed partial class GazetteerJson : JsonSerializerContext;
