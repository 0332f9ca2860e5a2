using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using SearchApi.Core.Indexing;

namespace SearchApi.Core.Search;

/// <summary>
/// Statements like a given one: more-like-this over its wording within its language, and, across languages, the
/// people, organisations and places it names (rarer and more often named entities weigh more).
/// </summary>
internal static class SimilarStatements
{
    private const int MaxEntities = 12;
    private const float EntityWeight = 1.5f;

    /// <summary>Null when no statement has the id.</summary>
    public static List<SimilarHit>? Find(IndexSearcher searcher, Lucene.Net.Analysis.Analyzer analyzer, string id, int limit, string? lang)
    {
        var found = searcher.Search(new TermQuery(new Term(IndexFields.Id, id)), 1);
        if (found.TotalHits == 0) return null;
        var source = StatementDocuments.Read(searcher, found.ScoreDocs[0].Doc);

        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [IndexFields.Text(source.Lang)],
            MinTermFreq = 2,
            MinDocFreq = 2,
            MinWordLen = 3,
            MaxQueryTerms = 25,
        };
        // Words in more than a fifth of the statements say little about one (on a handful of statements, half).
        var statements = searcher.IndexReader.NumDocs;
        moreLikeThis.MaxDocFreq = statements < 100 ? statements / 2 + 1 : statements / 5;
        var text = moreLikeThis.Like(new StringReader(source.Title + "\n" + source.Text), IndexFields.Text(source.Lang));

        var entityIds = source.Mentions.GroupBy(m => m.EntityId).OrderByDescending(g => g.Count()).Take(MaxEntities).Select(g => g.Key).ToList();
        var entities = new BooleanQuery();
        foreach (var entity in entityIds) entities.Add(new TermQuery(new Term(IndexFields.Entity, entity)), Occur.SHOULD);
        entities.Boost = EntityWeight;

        var query = new BooleanQuery(disableCoord: true) { { new TermQuery(new Term(IndexFields.Id, id)), Occur.MUST_NOT } };
        if (text is BooleanQuery { Clauses.Count: > 0 }) query.Add(text, Occur.SHOULD);
        if (entities.Clauses.Count > 0) query.Add(entities, Occur.SHOULD);
        if (query.Clauses.Count == 1) return [];

        var filter = lang is null ? null : FilterQuery.FilterOf(SearchFilters.None with { Langs = [lang] });
        var textWeight = searcher.CreateNormalizedWeight(text);
        var hits = new List<SimilarHit>();
        foreach (var hit in searcher.Search(query, filter, limit).ScoreDocs)
        {
            var statement = StatementDocuments.Read(searcher, hit.Doc);
            var named = statement.Mentions.Select(m => m.EntityId).ToHashSet(StringComparer.Ordinal);
            hits.Add(new SimilarHit(statement, hit.Score, entityIds.Where(named.Contains).ToList(), MatchKinds.Matches(searcher, textWeight, hit.Doc)));
        }
        return hits;
    }
}
