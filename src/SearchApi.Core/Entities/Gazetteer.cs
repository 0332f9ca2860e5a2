using System.Text.Json;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Entities;

internal enum AliasKind
{
    Name,
    Surname,
}

/// <summary>A word of an alias: every form it may take in text (its Russian case forms), and how it must be written.</summary>
internal sealed record AliasToken(string Folded, IReadOnlyCollection<string> Forms, LetterCase Case);

/// <summary>One way of writing an entity (or, for shared surnames, several entities), as tokens to match.</summary>
internal sealed class Alias(AliasToken[] tokens)
{
    public AliasToken[] Tokens { get; } = tokens;

    /// <summary>Entities this alias names fully (a name, abbreviation, adjective or demonym).</summary>
    public List<string> Names { get; } = [];

    /// <summary>People this alias names by surname alone.</summary>
    public List<string> Surnames { get; } = [];
}

/// <summary>
/// The bilingual gazetteer: people, organisations and places with their names in English and Russian, loaded from
/// the JSON Lines files in Entities/Gazetteer (embedded in the assembly) and compiled into aliases for the linker.
/// </summary>
public sealed class Gazetteer
{
    // Single words that name an entity but are far more often something else when capitalised.
    private static readonly HashSet<string> AmbiguousSingleWords = new(StringComparer.Ordinal)
    {
        "may", "march", "august", "nice", "reading", "bath", "mobile", "split", "union", "will", "mark", "chance",
        "brown", "cook", "hunt", "power", "price", "bot", "store", "champagne", "fox", "rice", "martin", "gil", "sharp",
        "того", "мир", "бор",
    };

    private readonly Dictionary<string, GazetteerEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _givenNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Alias>> _aliasesByFirstForm = new(StringComparer.Ordinal);

    private static readonly Lazy<Gazetteer> EmbeddedGazetteer = new(LoadEmbedded);

    /// <summary>The gazetteer shipped in the assembly.</summary>
    public static Gazetteer Embedded => EmbeddedGazetteer.Value;

    public IReadOnlyDictionary<string, GazetteerEntry> Entries => _entries;

    /// <summary>Aliases by every form their first word may take, longest alias first.</summary>
    internal IReadOnlyDictionary<string, List<Alias>> AliasesByFirstForm => _aliasesByFirstForm;

    public static Gazetteer FromJsonLines(IEnumerable<string> lines)
    {
        var gazetteer = new Gazetteer();
        var bySignature = new Dictionary<string, Alias>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var entry = JsonSerializer.Deserialize(line, GazetteerJson.Default.GazetteerEntry)
                ?? throw new InvalidDataException("Empty gazetteer line.");
            if (!gazetteer._entries.TryAdd(entry.Id, entry)) throw new InvalidDataException($"Duplicate gazetteer id {entry.Id}.");
            foreach (var (text, isSurname) in AliasTexts(entry)) gazetteer.AddAlias(bySignature, entry.Id, text, isSurname);
            if (entry.Type == EntityTypes.Person) gazetteer._givenNames[entry.Id] = GivenNameForms(entry);
        }
        foreach (var aliases in gazetteer._aliasesByFirstForm.Values) aliases.Sort((a, b) => b.Tokens.Length.CompareTo(a.Tokens.Length));
        return gazetteer;
    }

    private static Gazetteer LoadEmbedded()
    {
        var assembly = typeof(Gazetteer).Assembly;
        var lines = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.Contains(".Entities.Gazetteer.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            while (reader.ReadLine() is { } line) lines.Add(line);
        }
        return FromJsonLines(lines);
    }

    public GazetteerEntry? Find(string id) => _entries.GetValueOrDefault(id);

    /// <summary>Whether <paramref name="folded"/> is a form of one of this person's given names or patronymics.</summary>
    internal bool IsGivenNameOf(string personId, string folded) => _givenNames.TryGetValue(personId, out var names) && names.Contains(folded);

    // The words of a person's full names that are not their surname: Sergey, Sergei, Сергей (in all cases), Viktorovich.
    private static HashSet<string> GivenNameForms(GazetteerEntry entry)
    {
        var surnames = (entry.Surnames?.All ?? []).SelectMany(LinkTokens.Tokenize).Select(t => t.Folded).ToHashSet(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in entry.Names.All.Append(entry.Label.En ?? "").Append(entry.Label.Ru ?? ""))
        {
            var tokens = LinkTokens.Tokenize(name);
            foreach (var token in tokens.Take(Math.Max(0, tokens.Count - 1)))
                if (!surnames.Contains(token.Folded) && token.Folded.Length > 1)
                    given.UnionWith(RussianParadigm.Forms(token.Folded));
        }
        return given;
    }

    public EntityLabels LabelsOf(string id) => _entries.TryGetValue(id, out var entry)
        ? new EntityLabels(entry.Label.En ?? id, entry.Label.Ru ?? entry.Label.En ?? id)
        : new EntityLabels(id, id);

    private static IEnumerable<(string Text, bool IsSurname)> AliasTexts(GazetteerEntry entry)
    {
        foreach (var text in new[] { entry.Label.En, entry.Label.Ru, entry.Abbr?.En, entry.Abbr?.Ru }) if (text is not null) yield return (text, false);
        foreach (var text in entry.Names.All) yield return (text, false);
        foreach (var text in entry.Adjectives?.All ?? []) yield return (text, false);
        foreach (var text in entry.Demonyms?.All ?? []) yield return (text, false);
        foreach (var text in entry.Surnames?.All ?? []) yield return (text, true);
    }

    private void AddAlias(Dictionary<string, Alias> bySignature, string entityId, string text, bool isSurname)
    {
        var trimmed = text.StartsWith("the ", StringComparison.Ordinal) || text.StartsWith("The ", StringComparison.Ordinal) ? text[4..] : text;
        var tokens = LinkTokens.Tokenize(trimmed);
        if (tokens.Count == 0) return;
        if (tokens.Count == 1 && AmbiguousSingleWords.Contains(tokens[0].Folded)) return;
        var signature = string.Join('\u001F', tokens.Select(t => t.Folded + (t.Case == LetterCase.AllCapitals ? "!" : "")));
        if (!bySignature.TryGetValue(signature, out var alias))
        {
            // Abbreviations in capitals are not declined in writing ("в ОДКБ").
            var aliasTokens = tokens.Select(t => new AliasToken(
                t.Folded, t.Case == LetterCase.AllCapitals ? [t.Folded] : RussianParadigm.Forms(t.Folded), t.Case)).ToArray();
            alias = new Alias(aliasTokens);
            bySignature[signature] = alias;
            foreach (var form in aliasTokens[0].Forms)
            {
                if (!_aliasesByFirstForm.TryGetValue(form, out var list)) _aliasesByFirstForm[form] = list = [];
                list.Add(alias);
            }
        }
        var target = isSurname ? alias.Surnames : alias.Names;
        if (!target.Contains(entityId)) target.Add(entityId);
    }
}
