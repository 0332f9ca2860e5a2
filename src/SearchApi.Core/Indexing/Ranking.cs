using Lucene.Net.Search.Similarities;

namespace SearchApi.Core.Indexing;

/// <summary>The scoring model of index and searches: BM25, which handles very long speeches better than classic TF-IDF.</summary>
public static class Ranking
{
    public static readonly Similarity Similarity = new BM25Similarity();
}
