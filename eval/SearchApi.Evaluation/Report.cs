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
        text.AppendLine("| group | queries | nDCG@10 SearchApi | nDCG@10 stock | P@10 SearchApi | P@10 stock | recall@10 SearchApi | recall@10 stock | no answer SearchApi | no answer stock |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in ours)
        {
            var baseline = stock.Single(s => s.Group == group.Group);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Group} | {group.Queries} | {group.Ndcg:F3} | {baseline.Ndcg:F3} | {group.Precision:F3} | {baseline.Precision:F3} | {group.Recall:F3} | {baseline.Recall:F3} | {group.Empty:P0} | {baseline.Empty:P0} |");
        }
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** | {perQueryOurs.Count} | {perQueryOurs.Average(q => q.Ndcg):F3} | {perQueryStock.Average(q => q.Ndcg):F3} | {perQueryOurs.Average(q => q.Precision):F3} | {perQueryStock.Average(q => q.Precision):F3} | {perQueryOurs.Average(q => q.Recall):F3} | {perQueryStock.Average(q => q.Recall):F3} | {perQueryOurs.Average(q => q.Empty ? 1.0 : 0):P0} | {perQueryStock.Average(q => q.Empty ? 1.0 : 0):P0} |");
        text.AppendLine().AppendLine("<details><summary>Per query</summary>").AppendLine();
        text.AppendLine("| id | group | query | lang filter | relevant | nDCG@10 SearchApi | nDCG@10 stock | P@10 SearchApi |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---:|");
        foreach (var (ours1, stock1) in perQueryOurs.Zip(perQueryStock))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {ours1.Query.Id} | {ours1.Query.Group} | {ours1.Query.Query} | {ours1.Query.Lang ?? "—"} | {ours1.RelevantCount} | {ours1.Ndcg:F3} | {stock1.Ndcg:F3} | {ours1.Precision:F3} |");
        text.AppendLine().AppendLine("</details>");
        return text.ToString();
    }

    /// <summary>
    /// The cross-language topic set: each direction beside the same topics searched in the query's own language and in
    /// the statements' language, without translation, and the blend over both languages with and without it.
    /// </summary>
    public static string Topics(int topics, IReadOnlyList<GroupScore> ours, IReadOnlyList<GroupScore> stock, IReadOnlyList<GroupScore> untranslated, IReadOnlyList<GroupScore> unblended)
    {
        GroupScore G(IReadOnlyList<GroupScore> list, string group) => list.Single(g => g.Group == group);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{topics} topics, each asked in English and in Russian (`eval/SearchApi.Evaluation/data/topics.jsonl`).").AppendLine();
        text.AppendLine("| direction | P@10 | nDCG@10 | no answer | P@10 in the query's language | P@10 in the statements' language | cross ÷ query's language | cross ÷ statements' language | P@10 without translation | P@10 stock |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (direction, cross, own, target) in new[]
        {
            ("English query → Russian statements", TopicSet.EnglishToRussian, "topics-en", "topics-ru"),
            ("Russian query → English statements", TopicSet.RussianToEnglish, "topics-ru", "topics-en"),
        })
        {
            var c = G(ours, cross);
            var o = G(ours, own);
            var t = G(ours, target);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {direction} | {c.Precision:F3} | {c.Ndcg:F3} | {c.Empty:P0} | {o.Precision:F3} | {t.Precision:F3} | {Ratio(c.Precision, o.Precision)} | {Ratio(c.Precision, t.Precision)} | {G(untranslated, cross).Precision:F3} | {G(stock, cross).Precision:F3} |");
        }
        text.AppendLine().AppendLine("Over both languages at once (no language filter), judged in each statement's language:").AppendLine();
        text.AppendLine("| query language | P@10 blended | nDCG@10 blended | both languages in the top 10, blended | P@10 unblended | nDCG@10 unblended | both languages in the top 10, unblended | P@10 without translation |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, group) in new[] { ("English", TopicSet.Mixed + "-en"), ("Russian", TopicSet.Mixed + "-ru") })
        {
            var b = G(ours, group);
            var u = G(unblended, group);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {b.Precision:F3} | {b.Ndcg:F3} | {b.BothLanguages:P0} | {u.Precision:F3} | {u.Ndcg:F3} | {u.BothLanguages:P0} | {G(untranslated, group).Precision:F3} |");
        }
        return text.ToString();
    }

    private static readonly string[] ForgivingGroups = ["questions-en", "questions-ru", "typos-en", "typos-ru", "spelling-variants"];

    /// <summary>
    /// Questions, typos and spelling variants answered forgivingly (the default) beside the strict answer (match=all,
    /// typos=false: the service before) and the stock analyzers; and the share of every judged query that finds nothing.
    /// </summary>
    public static string Forgiving(IReadOnlyList<QueryScore> ours, IReadOnlyList<QueryScore> strict, IReadOnlyList<QueryScore> stock)
    {
        var text = new StringBuilder();
        text.AppendLine("| group | queries | nDCG@10 | P@10 | no answer | nDCG@10 strict | P@10 strict | no answer strict | nDCG@10 stock | no answer stock |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in ForgivingGroups)
        {
            var (o, s, k) = (ours.Where(q => q.Query.Group == group).ToList(), strict.Where(q => q.Query.Group == group).ToList(), stock.Where(q => q.Query.Group == group).ToList());
            if (o.Count == 0) continue;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group} | {o.Count} | {o.Average(q => q.Ndcg):F3} | {o.Average(q => q.Precision):F3} | {Empty(o):P0} | {s.Average(q => q.Ndcg):F3} | {s.Average(q => q.Precision):F3} | {Empty(s):P0} | {k.Average(q => q.Ndcg):F3} | {Empty(k):P0} |");
        }
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Queries that find nothing, over all {ours.Count} judged queries: {Empty(ours):P1} answered forgivingly, {Empty(strict):P1} strictly (match=all, typos=false), {Empty(stock):P1} with the stock analyzers.");
        return text.ToString();
    }

    private static double Empty(IReadOnlyList<QueryScore> scores) => scores.Count == 0 ? 0 : scores.Average(q => q.Empty ? 1.0 : 0);

    private static string Ratio(double a, double b) => b == 0 ? "—" : (a / b).ToString("P0", CultureInfo.InvariantCulture);

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
