namespace SearchApi.Core.Analysis;

/// <summary>Whether a chain analyses stored text (names are recognised by their capital) or a user's query (typed in any case).</summary>
public enum AnalysisMode
{
    Index,
    Query,
}
