using System.Globalization;
using System.Text;
using SearchApi.Evaluation.Nerel;
using SearchApi.Evaluation.Relevance;

namespace SearchApi.Evaluation;

/// <summary>Markdown tables of a run, and their place in docs/RELEVANCE.md between the results markers.</summary>
public static class Report
{
    public const string Start = "<!-- results:start -->";
    public const string End = "<!-- results:end -->";

    public static string Relevance(int statements, IReadOnlyList<GroupScore> ours, IReadOnlyList<GroupScore> stock, IReadOnlyList<QueryScore> perQueryOurs, IReadOnlyList<QueryScore> perQueryStock)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Judged queries: {perQueryOurs.Count}; evaluation sample: {statements:N0} statements.").AppendLine();
        text.AppendLine("| group | queries | nDCG@10 SearchApi | nDCG@10 stock | recall@10 SearchApi | recall@10 stock |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in ours)
        {
            var baseline = stock.Single(s => s.Group == group.Group);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {group.Group} | {group.Queries} | {group.Ndcg:F3} | {baseline.Ndcg:F3} | {group.Recall:F3} | {baseline.Recall:F3} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | {perQueryOurs.Count} | {perQueryOurs.Average(q => q.Ndcg):F3} | {perQueryStock.Average(q => q.Ndcg):F3} | {perQueryOurs.Average(q => q.Recall):F3} | {perQueryStock.Average(q => q.Recall):F3} |");
        text.AppendLine().AppendLine("<details><summary>Per query</summary>").AppendLine();
        text.AppendLine("| id | group | query | lang filter | relevant | nDCG@10 SearchApi | nDCG@10 stock |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|");
        foreach (var (ours1, stock1) in perQueryOurs.Zip(perQueryStock))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {ours1.Query.Id} | {ours1.Query.Group} | {ours1.Query.Query} | {ours1.Query.Lang ?? "—"} | {ours1.RelevantCount} | {ours1.Ndcg:F3} | {stock1.Ndcg:F3} |");
        text.AppendLine().AppendLine("</details>");
        return text.ToString();
    }

    public static string Nerel(IReadOnlyList<TypeScore> types)
    {
        var text = new StringBuilder();
        text.AppendLine("| type | gold mentions | predicted | precision (relaxed) | recall (relaxed) | precision (strict) | recall (strict) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var t in types)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Type} | {t.Gold} | {t.Predicted} | {t.RelaxedPrecision:F3} | {t.RelaxedRecall:F3} | {t.StrictPrecision:F3} | {t.StrictRecall:F3} |");
        return text.ToString();
    }

    /// <summary>Replaces what lies between the markers of <paramref name="path"/> with <paramref name="results"/>.</summary>
    public static void WriteInto(string path, string results)
    {
        var document = File.ReadAllText(path);
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new InvalidDataException($"{path} lacks the {Start} and {End} markers.");
        File.WriteAllText(path, document[..(start + Start.Length)] + "\n" + results + document[end..]);
    }
}
