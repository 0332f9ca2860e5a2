using SearchApi.Core.Statements;

namespace SearchApi.Core.Entities;

/// <summary>A stretch of query text that names an entity.</summary>
public sealed record QueryEntitySpan(int Start, int End, string EntityId);

/// <summary>
/// Finds the people, organisations and places of the gazetteer named in English or Russian text, in any grammatical
/// case ("Казакбаевым", "Киргизии", "в ОДКБ": see <see cref="RussianParadigm"/>), taking the longest name at each word. A bare surname shared by several
/// people goes to the one named in full elsewhere in the statement, else to the one marked primary.
/// </summary>
public sealed class EntityLinker(Gazetteer gazetteer)
{
    private readonly record struct Found(int Start, int End, Alias Alias, int FirstToken, int LastToken);

    // Words that may stand before a bare surname without making it someone else's (President Japarov, министр Лавров).
    private static readonly string[] Roles =
    [
        "president", "prime", "premier", "minister", "secretary", "ambassador", "envoy", "mr", "mrs", "ms", "miss", "dr",
        "general", "gen", "king", "queen", "prince", "princess", "emperor", "chancellor", "senator", "sen", "rep",
        "speaker", "director", "chair", "sheikh", "ayatollah", "emir", "pope", "governor", "mayor", "leader", "spokes",
        "representative", "deputy", "vice", "former", "foreign", "defence", "defense", "interior", "colonel", "col",
        "marshal", "admiral", "commander", "chief", "head", "comrade", "sir", "lord", "lady", "professor", "prof", "judge",
        "justice", "counsel", "council", "advis", "aide", "colleague", "counterpart", "secretary-general",
        "президент", "премьер", "министр", "глав", "госсекретар", "посол", "посл", "генсек", "генеральн", "канцлер",
        "сенатор", "спикер", "председател", "лидер", "корол", "принц", "шейх", "аятолл", "эмир", "господин", "госпож",
        "губернатор", "мэр", "генерал", "маршал", "адмирал", "секретар", "директор", "замминистр", "вице", "экс",
        "патриарх", "советник", "помощник", "представител", "депутат", "коллег", "постпред", "полпред", "заместител",
        "замглав", "командующ", "начальник", "руководител", "официальн", "пресс",
    ];

    public Gazetteer Gazetteer => gazetteer;

    /// <summary>Every entity named in a statement's title and text, in order of first mention.</summary>
    public IReadOnlyList<StatementEntity> Link(string title, string text)
    {
        var titleTokens = LinkTokens.Tokenize(title);
        var textTokens = LinkTokens.Tokenize(text);
        var inTitle = Find(titleTokens, queryMode: false);
        var inText = Find(textTokens, queryMode: false);
        var namedInFull = inTitle.Concat(inText).Where(f => f.Alias.Names.Count > 0).SelectMany(f => f.Alias.Names).ToHashSet(StringComparer.Ordinal);

        var entities = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        var all = inTitle.Select(f => (f, EntityMention.InTitle, title, titleTokens)).Concat(inText.Select(f => (f, EntityMention.InText, text, textTokens)));
        // A surname once seen with another person's given name ("Билл Гейтс") stays that person's when it recurs bare.
        var someoneElses = new HashSet<Alias>();
        foreach (var (found, field, source, tokens) in all)
        {
            if (Resolve(found.Alias, namedInFull) is not { } id || someoneElses.Contains(found.Alias)) continue;
            if (found.Alias.Names.Count == 0 && !SurnameStandsAlone(id, found, tokens, source))
            {
                someoneElses.Add(found.Alias);
                continue;
            }
            if (!entities.TryGetValue(id, out var mentions)) entities[id] = mentions = [];
            mentions.Add(new EntityMention(field, found.Start, found.End - found.Start));
        }
        return entities
            .OrderBy(e => e.Value.Any(m => m.Field == EntityMention.InTitle) ? -1 : e.Value[0].Start)
            .Select(e => new StatementEntity(e.Key, EntityTypes.OfId(e.Key), gazetteer.LabelsOf(e.Key), e.Value))
            .ToList();
    }

    /// <summary>
    /// Every entity a statement names: in its title and text, and the place of its news-agency dateline (a place
    /// mention in the field "dateline", offsets into <see cref="Statement.Dateline"/>).
    /// </summary>
    public IReadOnlyList<StatementEntity> Link(Statement statement)
    {
        var entities = Link(statement.Title, statement.Text);
        if (statement.Dateline is not { Length: > 0 } dateline) return entities;
        var places = LinkQuery(dateline).Where(s => EntityTypes.OfId(s.EntityId) == EntityTypes.Place).ToList();
        if (places.Count == 0) return entities;
        var merged = entities.ToList();
        foreach (var place in places)
        {
            var mention = new EntityMention(EntityMention.InDateline, place.Start, place.End - place.Start);
            var at = merged.FindIndex(e => e.Id == place.EntityId);
            merged.Add(at < 0 ? new StatementEntity(place.EntityId, EntityTypes.Place, gazetteer.LabelsOf(place.EntityId), [mention]) : merged[at] with { Mentions = [.. merged[at].Mentions, mention] });
            if (at >= 0) merged.RemoveAt(at);
        }
        return merged;
    }

    /// <summary>
    /// The people, organisations and places one query word may name with a typo in it (Lavorv → Sergey Lavrov): the
    /// one-word names, surnames and abbreviations whose written forms are within <paramref name="maxEdits"/> of the word;
    /// at most <paramref name="limit"/>, the closest first.
    /// </summary>
    public IReadOnlyList<string> LinkTypo(string word, int maxEdits, int limit = 3)
    {
        var folded = Analysis.RussianNames.Fold(word.ToLowerInvariant());
        var found = new List<(int Edits, string Id)>();
        for (var length = folded.Length - maxEdits; length <= folded.Length + maxEdits; length++)
        {
            if (!_oneWordFormsByLength.Value.TryGetValue(length, out var forms)) continue;
            foreach (var (form, ids) in forms)
            {
                if (form == folded) continue;
                // A changed first letter is the only edit allowed, as in the index (QueryBuilder.TypoAutomata).
                var firstChanged = form.Length > 0 && folded.Length > 0 && form[0] != folded[0];
                if (!EditDistance.Within(form, folded, firstChanged ? 1 : maxEdits)) continue;
                var edits = EditDistance.Within(form, folded, 1) ? 1 : 2;
                foreach (var id in ids) found.Add((edits, id));
            }
        }
        return found.OrderBy(f => f.Edits).Select(f => f.Id).Distinct().Take(limit).ToList();
    }

    // The written forms of one-word names, surnames and abbreviations by length, with the entities each stands for (a
    // surname several people share stands for each of them): a typo lookup reads only the lengths within its edits.
    private readonly Lazy<Dictionary<int, (string Form, string[] Ids)[]>> _oneWordFormsByLength = new(() =>
        gazetteer.AliasesByFirstForm
            .Select(kv => (Form: kv.Key, Ids: kv.Value.Where(a => a.Tokens.Length == 1).SelectMany(a => a.Names.Concat(a.Surnames)).Distinct().ToArray()))
            .Where(f => f.Ids.Length > 0)
            .GroupBy(f => f.Form.Length)
            .ToDictionary(g => g.Key, g => g.ToArray()));

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

    /// <summary>
    /// A bare surname names the person unless a capitalised word next to it that is not their given name, an initial, a
    /// title or the start of a sentence shows it is somebody else's ("Билл Гейтс" is not Robert Gates; "Мартин Гор" is
    /// neither Paul Martin nor Al Gore).
    /// </summary>
    private bool SurnameStandsAlone(string personId, Found found, List<LinkToken> tokens, string text)
    {
        if (found.FirstToken > 0)
        {
            var previous = tokens[found.FirstToken - 1];
            if (previous.Case != LetterCase.Any && Adjacent(text, previous.End, found.Start) && !IsSentenceStart(text, previous.Start)
                && previous.Folded.Length > 1 && !IsRole(previous.Folded) && !gazetteer.IsGivenNameOf(personId, previous.Folded))
                return false;
        }
        if (found.LastToken + 1 < tokens.Count)
        {
            // Russian text often puts the given name after the surname (Лавров Сергей Викторович); other capitals after
            // a Cyrillic surname mean another name (Мартин Гор).
            var next = tokens[found.LastToken + 1];
            if (next.Case == LetterCase.Capitalised && Analysis.RussianNames.IsCyrillic(next.Folded) && Adjacent(text, found.End, next.Start)
                && !gazetteer.IsGivenNameOf(personId, next.Folded))
                return false;
        }
        return true;
    }

    private static bool Adjacent(string text, int end, int start) => start - end is >= 1 and <= 2 && text[end..start].All(c => c == ' ');

    private static bool IsSentenceStart(string text, int position)
    {
        var i = position - 1;
        while (i >= 0 && (text[i] is ' ' or '«' or '"' or '“' or '(' || char.IsWhiteSpace(text[i]))) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or ':' or '—' or '–';
    }

    private static bool IsRole(string folded)
    {
        foreach (var role in Roles)
            if (folded.StartsWith(role, StringComparison.Ordinal)) return true;
        return false;
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
            var match = gazetteer.AliasesByFirstForm.TryGetValue(tokens[i].Folded, out var candidates)
                ? candidates.FirstOrDefault(alias => Matches(alias, tokens, i, queryMode))
                : null;
            if (match is null)
            {
                i++;
                continue;
            }
            found.Add(new Found(tokens[i].Start, tokens[i + match.Tokens.Length - 1].End, match, i, i + match.Tokens.Length - 1));
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
            if (!expected.Forms.Contains(actual.Folded) || !CaseFits(expected, actual, queryMode)) return false;
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
}
