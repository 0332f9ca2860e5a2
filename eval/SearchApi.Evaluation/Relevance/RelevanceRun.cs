using System.Collections.Concurrent;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Relevance;

/// <param name="Precision">P@10: the share of the first ten that is relevant.</param>
/// <param name="BothLanguages">For a query over both languages whose relevant statements are in both: 1 when the first ten hold relevant statements of each, else 0; null otherwise.</param>
/// <param name="Empty">Whether the engine found nothing at all.</param>
public sealed record QueryScore(JudgedQuery Query, int RelevantCount, double Ndcg, double Recall, double Precision = 0, double? BothLanguages = null, bool Empty = false);

public sealed record GroupScore(string Group, int Queries, double Ndcg, double Recall, double Precision = 0, double? BothLanguages = null, double Empty = 0);

/// <summary>Judges every statement for every query once, then scores any engine's top 10 against those judgements.</summary>
public sealed class RelevanceRun
{
    public const int K = 10;

    private readonly IReadOnlyList<JudgedQuery> _queries;
    private readonly Dictionary<string, Dictionary<string, int>> _grades;
    private readonly Dictionary<string, string> _langs;

    public RelevanceRun(IReadOnlyList<JudgedQuery> queries, IReadOnlyList<Statement> corpus)
    {
        _queries = queries;
        _langs = corpus.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First().Lang);
        var grades = new ConcurrentDictionary<string, Dictionary<string, int>>();
        Parallel.ForEach(queries, query =>
        {
            var relevant = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in corpus)
                if (query.Grade(s.Lang, s.Title, s.Text) is var grade and > 0) relevant[s.Id] = grade;
            grades[query.Id] = relevant;
        });
        _grades = new Dictionary<string, Dictionary<string, int>>(grades);
    }

    public IReadOnlyDictionary<string, int> RelevantCounts => _grades.ToDictionary(g => g.Key, g => g.Value.Count);

    public IReadOnlyList<QueryScore> Score(ISearchEngine engine, Func<JudgedQuery, bool>? which = null)
    {
        var scores = new List<QueryScore>();
        foreach (var query in _queries.Where(which ?? (_ => true)))
        {
            var judged = _grades[query.Id];
            var ids = engine.Search(query.Query, query.Lang, K);
            var ranked = ids.Select(id => judged.GetValueOrDefault(id)).ToList();
            scores.Add(new QueryScore(query, judged.Count, Metrics.Ndcg(ranked, judged.Values, K), Metrics.Recall(ranked, judged.Count, K),
                Metrics.Precision(ranked, K), BothLanguages(query, judged, ids), ids.Count == 0));
        }
        return scores;
    }

    private double? BothLanguages(JudgedQuery query, Dictionary<string, int> judged, IReadOnlyList<string> ids)
    {
        if (query.Lang is not null) return null;
        var relevantLangs = judged.Keys.Select(id => _langs[id]).Distinct().Count();
        if (relevantLangs < 2) return null;
        return ids.Take(K).Where(judged.ContainsKey).Select(id => _langs[id]).Distinct().Count() == 2 ? 1 : 0;
    }

    public static IReadOnlyList<GroupScore> ByGroup(IReadOnlyList<QueryScore> scores) =>
        scores.GroupBy(s => s.Query.Group)
            .Select(g => new GroupScore(g.Key, g.Count(), g.Average(s => s.Ndcg), g.Average(s => s.Recall), g.Average(s => s.Precision),
                g.Any(s => s.BothLanguages is not null) ? g.Where(s => s.BothLanguages is not null).Average(s => s.BothLanguages!.Value) : null,
                g.Average(s => s.Empty ? 1.0 : 0.0)))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
}
