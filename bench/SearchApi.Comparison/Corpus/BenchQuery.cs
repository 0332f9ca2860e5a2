using System.Text.Json;
using SearchApi.Comparison.Load;

namespace SearchApi.Comparison.Corpus;

/// <summary>
/// One query of the fixed set in bench/queries.jsonl: single words, 2–4 words, phrases, names, organisations and
/// places in English and Russian, some with a language, date or source filter, some asking for facets.
/// </summary>
public sealed record BenchQuery(
    string Id, string Group, string Q, string? Lang = null, string? From = null, string? To = null, string? Source = null, IReadOnlyList<string>? Facets = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<BenchQuery> Load(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BenchQuery>(l, Json)!).ToList();

    /// <summary>
    /// The request to our service, filters as asked: ten hits, with two snippets each (the default) unless equal work,
    /// and the facets asked for the full answer.
    /// </summary>
    public string Path(Work work = Work.Full)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Q) };
        if (!work.WithSnippets()) query.Add("snippets=0");
        if (Lang is not null) query.Add("lang=" + Lang);
        if (From is not null) query.Add("from=" + From);
        if (To is not null) query.Add("to=" + To);
        if (Source is not null) query.Add("source=" + Uri.EscapeDataString(Source));
        if (work.WithFacets()) foreach (var facet in Facets ?? []) query.Add("facet=" + facet);
        return "/api/v1/search?" + string.Join('&', query);
    }
}
