using System.Collections.Concurrent;
using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Relevance;

public sealed record QueryScore(JudgedQuery Query, int RelevantCount, double Ndcg, double Recall);

public sealed record GroupScore(string Group, int Queries, double Ndcg, double Recall);

/// <summary>Judges every statement for every query once, then scores any engine's top 10 against those judgements.</summary>
public sealed class RelevanceRun
{
    public const int K = 10;

    private readonly IReadOnlyList<JudgedQuery> _queries;
    private readonly Dictionary<string, Dictionary<string, int>> _grades;

    public RelevanceRun(IReadOnlyList<JudgedQuery> queries, IReadOnlyList<Statement> corpus)
    {
        _queries = queries;
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

    public IReadOnlyList<QueryScore> Score(ISearchEngine engine)
    {
        var scores = new List<QueryScore>();
        foreach (var query in _queries)
        {
            var judged = _grades[query.Id];
            var ranked = engine.Search(query.Query, query.Lang, K).Select(id => judged.GetValueOrDefault(id)).ToList();
            scores.Add(new QueryScore(query, judged.Count, Metrics.Ndcg(ranked, judged.Values, K), Metrics.Recall(ranked, judged.Count, K)));
        }
        return scores;
    }

    public static IReadOnlyList<GroupScore> ByGroup(IReadOnlyList<QueryScore> scores) =>
        scores.GroupBy(s => s.Query.Group)
            .Select(g => new GroupScore(g.Key, g.Count(), g.Average(s => s.Ndcg), g.Average(s => s.Recall)))
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
}
