using SearchApi.Core.Statements;

namespace SearchApi.Evaluation.Relevance;

/// <summary>A search engine under evaluation: indexes statements, returns the ids of the top hits of a query.</summary>
public interface ISearchEngine : IDisposable
{
    string Name { get; }

    void Index(IReadOnlyList<Statement> statements);

    IReadOnlyList<string> Search(string query, string? lang, int count);
}
