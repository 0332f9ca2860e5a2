using SearchApi.Core.Statements;

namespace SearchApi.Core.Entities;

/// <summary>A stretch of query text that names an entity.</summary>
public sealed record QueryEntitySpan(int Start, int End, string EntityId);

/// <summary>
/// Finds the people, organisations and places of the gazetteer named in English or Russian text, in any grammatical
/// case ("Казакбаевым", "Киргизии", "в ОДКБ"), taking the longest name at each word. A bare surname shared by several
/// people goes to the one named in full elsewhere in the statement, else to the one marked primary.
/// </summary>
public sealed class EntityLinker(Gazetteer gazetteer)
{
    private const int ShortKey = 4;

    private static readonly HashSet<string> CaseEndings = new(StringComparer.Ordinal)
    {
        "", "а", "я", "у", "ю", "е", "ы", "и", "ой", "ей", "ом", "ем", "ию", "ии", "ия", "ие", "ам", "ах", "ой",
    };

    private readonly record struct Found(int Start, int End, Alias Alias);

    public Gazetteer Gazetteer => gazetteer;

    /// <summary>Every entity named in a statement's title and text, in order of first mention.</summary>
    public IReadOnlyList<StatementEntity> Link(string title, string text)
    {
        var inTitle = Find(LinkTokens.Tokenize(title), queryMode: false);
        var inText = Find(LinkTokens.Tokenize(text), queryMode: false);
        var namedInFull = inTitle.Concat(inText).Where(f => f.Alias.Names.Count > 0).SelectMany(f => f.Alias.Names).ToHashSet(StringComparer.Ordinal);

        var entities = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        foreach (var (found, field) in inTitle.Select(f => (f, EntityMention.InTitle)).Concat(inText.Select(f => (f, EntityMention.InText))))
        {
            if (Resolve(found.Alias, namedInFull) is not { } id) continue;
            if (!entities.TryGetValue(id, out var mentions)) entities[id] = mentions = [];
            mentions.Add(new EntityMention(field, found.Start, found.End - found.Start));
        }
        return entities
            .OrderBy(e => e.Value.Any(m => m.Field == EntityMention.InTitle) ? -1 : e.Value[0].Start)
            .Select(e => new StatementEntity(e.Key, EntityTypes.OfId(e.Key), gazetteer.LabelsOf(e.Key), e.Value))
            .ToList();
    }

    /// <summary>The entities a query names. Queries are typed in any case, so only short abbreviations must be in capitals.</summary>
    public IReadOnlyList<QueryEntitySpan> LinkQuery(string query)
    {
        var spans = new List<QueryEntitySpan>();
        var found = Find(LinkTokens.Tokenize(query), queryMode: true);
        var named = found.SelectMany(f => f.Alias.Names).ToHashSet(StringComparer.Ordinal);
        foreach (var f in found)
            if (Resolve(f.Alias, named) is { } id) spans.Add(new QueryEntitySpan(f.Start, f.End, id));
        return spans;
    }

    private string? Resolve(Alias alias, HashSet<string> namedInFull)
    {
        if (alias.Names.Count == 1) return alias.Names[0];
        if (alias.Names.Count > 1) return Primary(alias.Names);
        var named = alias.Surnames.Where(namedInFull.Contains).ToList();
        if (named.Count == 1) return named[0];
        if (alias.Surnames.Count == 1) return alias.Surnames[0];
        return Primary(named.Count > 1 ? named : alias.Surnames);
    }

    private string? Primary(List<string> ids)
    {
        var primary = ids.Where(id => gazetteer.Find(id)?.Primary == true).ToList();
        return primary.Count == 1 ? primary[0] : null;
    }

    private List<Found> Find(List<LinkToken> tokens, bool queryMode)
    {
        var found = new List<Found>();
        for (var i = 0; i < tokens.Count;)
        {
            var match = gazetteer.AliasesByFirstKey.TryGetValue(tokens[i].Key, out var candidates)
                ? candidates.FirstOrDefault(alias => Matches(alias, tokens, i, queryMode))
                : null;
            if (match is null)
            {
                i++;
                continue;
            }
            found.Add(new Found(tokens[i].Start, tokens[i + match.Tokens.Length - 1].End, match));
            i += match.Tokens.Length;
        }
        return found;
    }

    private static bool Matches(Alias alias, List<LinkToken> tokens, int at, bool queryMode)
    {
        if (at + alias.Tokens.Length > tokens.Count) return false;
        for (var j = 0; j < alias.Tokens.Length; j++)
        {
            var expected = alias.Tokens[j];
            var actual = tokens[at + j];
            if (actual.Key != expected.Key || !CaseFits(expected, actual, queryMode) || !EndingFits(expected, actual)) return false;
        }
        return true;
    }

    private static bool CaseFits(AliasToken expected, LinkToken actual, bool queryMode)
    {
        if (queryMode)
            return expected.Case != LetterCase.AllCapitals || expected.Folded.Length > 3 || actual.Case == LetterCase.AllCapitals;
        return expected.Case switch
        {
            LetterCase.AllCapitals => actual.Case == LetterCase.AllCapitals,
            LetterCase.Capitalised => actual.Case != LetterCase.Any,
            _ => true,
        };
    }

    // Short Russian keys ("мал" of Мали) would also match unrelated words ("Мало"): there only case endings may follow the key.
    private static bool EndingFits(AliasToken expected, LinkToken actual)
    {
        if (expected.Key.Length > ShortKey || actual.Folded == expected.Folded || expected.Key == expected.Folded && actual.Folded == actual.Key) return true;
        return actual.Folded.StartsWith(expected.Key, StringComparison.Ordinal) && CaseEndings.Contains(actual.Folded[expected.Key.Length..]);
    }
}
