using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchApi.Core.Indexing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Search;

/// <summary>The best score of each language's hits for one query on one snapshot (0 when a language has none).</summary>
public sealed record LanguageScales(float English, float Russian)
{
    public float Of(int language) => language == 0 ? English : Russian;
}

/// <summary>
/// Relevance blended across the two languages: each hit's score is divided by the best score among the hits in its
/// language, so each language's best statement scores 1 and the two lists interleave by how close each hit comes to
/// its language's best. Without it a Russian query would bury the English statements only because its own words score
/// higher than their translations (and back). Within one language the order is plain relevance. One pass collects the
/// best hits of each language apart; the first step of a walk sets the scales, and a cursor carries them on, so every
/// page of one walk divides by the same numbers.
/// </summary>
internal sealed class LanguageBlend(IndexSearcher searcher, Query query, Filter? filter, TimeSpan? timeout, TimeProvider clock, LanguageScales? scales) : ITopHits
{
    private const int LanguageCount = 2;
    private readonly Dictionary<int, int> _languageOf = [];

    public LanguageScales? Scales { get; private set; } = scales;

    public (FieldDoc[] Hits, int Total) Top(FieldDoc? after, int count)
    {
        // A later step without scales (rare: a cursor of a walk whose first step found nothing) first finds them.
        if (Scales is null && after is not null) Top(null, 1);
        var known = Scales;
        var routing = new LanguageRouting(count, after, known);
        DeadlineCollector.Search(searcher, query, filter, routing, timeout, clock);
        var perLanguage = routing.Hits();
        // The first step's hits carry their own scores: each language's first hit is its best.
        Scales ??= new LanguageScales(Best(perLanguage[0]), Best(perLanguage[1]));
        var merged = new List<FieldDoc>();
        for (var language = 0; language < LanguageCount; language++)
            foreach (var hit in perLanguage[language])
            {
                _languageOf[hit.Doc] = language;
                merged.Add(known is null ? Scaled(hit, LanguageDivisor(language)) : hit);
            }
        merged.Sort(SortOrder.CompareRelevance);
        return ([.. merged.Take(count)], routing.Total);
    }

    public float Divisor(int doc) => _languageOf.TryGetValue(doc, out var language) ? LanguageDivisor(language) : 1f;

    private float LanguageDivisor(int language) => Scales?.Of(language) is > 0 and var best ? best : 1f;

    private static float Best(FieldDoc[] hits) => hits.Length > 0 ? hits[0].Score : 0f;

    // The same division as ScaledScorer's, so a hit scaled after the pass and one scaled during it compare exactly.
    private static FieldDoc Scaled(FieldDoc hit, float divisor)
    {
        var score = hit.Score / divisor;
        var fields = (object[])hit.Fields.Clone();
        fields[0] = J2N.Numerics.Single.GetInstance(score);
        return new FieldDoc(hit.Doc, score, fields);
    }

    /// <summary>Sends each hit to its language's collector; with known scales, each collector sees scores already divided.</summary>
    private sealed class LanguageRouting : ICollector
    {
        private readonly TopFieldCollector[] _collectors;
        private readonly float[]? _divisors;
        private SortedSetDocValues? _langs;
        private int[] _languageOfOrd = [];

        public LanguageRouting(int count, FieldDoc? after, LanguageScales? scales)
        {
            _collectors = new TopFieldCollector[LanguageCount];
            for (var i = 0; i < LanguageCount; i++)
                _collectors[i] = TopFieldCollector.Create(SortOrder.For(SearchSort.Relevance), count, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            _divisors = scales is null ? null : [Positive(scales.English), Positive(scales.Russian)];
        }

        public int Total => _collectors.Sum(c => c.TotalHits);

        public FieldDoc[][] Hits() => _collectors.Select(c => c.GetTopDocs().ScoreDocs.Cast<FieldDoc>().ToArray()).ToArray();

        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer)
        {
            for (var i = 0; i < LanguageCount; i++)
                _collectors[i].SetScorer(_divisors is null ? scorer : new ScaledScorer(scorer, _divisors[i]));
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            foreach (var collector in _collectors) collector.SetNextReader(context);
            _langs = context.AtomicReader.GetSortedSetDocValues(IndexFields.Lang);
            var ords = _langs?.ValueCount ?? 0;
            _languageOfOrd = new int[ords];
            var value = new Lucene.Net.Util.BytesRef();
            for (var ord = 0; ord < ords; ord++)
            {
                _langs!.LookupOrd(ord, value);
                _languageOfOrd[ord] = value.Utf8ToString() == Languages.Russian ? 1 : 0;
            }
        }

        public void Collect(int doc) => _collectors[LanguageOf(doc)].Collect(doc);

        private int LanguageOf(int doc)
        {
            if (_langs is null) return 0;
            _langs.SetDocument(doc);
            var ord = _langs.NextOrd();
            return ord >= 0 && ord < _languageOfOrd.Length ? _languageOfOrd[ord] : 0;
        }

        private static float Positive(float scale) => scale > 0 ? scale : 1f;
    }

    /// <summary>A scorer whose scores are divided by its language's best score.</summary>
    private sealed class ScaledScorer(Scorer inner, float divisor) : Scorer(inner.Weight)
    {
        public override float GetScore() => inner.GetScore() / divisor;

        public override int Freq => inner.Freq;

        public override int DocID => inner.DocID;

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override long GetCost() => inner.GetCost();
    }
}
