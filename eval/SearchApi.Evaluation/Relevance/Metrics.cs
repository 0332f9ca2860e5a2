namespace SearchApi.Evaluation.Relevance;

/// <summary>Ranking metrics over graded judgements.</summary>
public static class Metrics
{
    /// <summary>nDCG@k with gains 2^grade − 1 and the ideal ranking of every judged statement.</summary>
    public static double Ndcg(IReadOnlyList<int> rankedGrades, IEnumerable<int> allGrades, int k)
    {
        var ideal = Dcg(allGrades.Where(g => g > 0).OrderDescending().Take(k).ToList(), k);
        return ideal == 0 ? 0 : Dcg(rankedGrades, k) / ideal;
    }

    /// <summary>Relevant statements in the first k over k.</summary>
    public static double Precision(IReadOnlyList<int> rankedGrades, int k) => (double)rankedGrades.Take(k).Count(g => g > 0) / k;

    /// <summary>Relevant statements in the first k over the relevant statements there could be in k: min(k, relevant).</summary>
    public static double Recall(IReadOnlyList<int> rankedGrades, int relevantCount, int k) =>
        relevantCount == 0 ? 0 : (double)rankedGrades.Take(k).Count(g => g > 0) / Math.Min(k, relevantCount);

    private static double Dcg(IReadOnlyList<int> grades, int k)
    {
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, grades.Count); i++) dcg += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }
}
