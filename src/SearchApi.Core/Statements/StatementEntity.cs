namespace SearchApi.Core.Statements;

/// <summary>Entity types of the gazetteer.</summary>
public static class EntityTypes
{
    public const string Person = "person";
    public const string Organization = "organization";
    public const string Place = "place";

    public static readonly IReadOnlyList<string> All = [Person, Organization, Place];

    public static string OfId(string id) => id[..Math.Max(0, id.IndexOf(':'))];
}

/// <summary>An entity's name in both languages.</summary>
public sealed record EntityLabels(string En, string Ru)
{
    public string For(string lang) => lang == Languages.Russian ? Ru : En;
}

/// <summary>Where an entity is named: in the title, the text or the dateline, at a character offset.</summary>
/// <param name="Field">"title", "text" or "dateline".</param>
public sealed record EntityMention(string Field, int Start, int Length)
{
    public const string InTitle = "title";
    public const string InText = "text";
    public const string InDateline = "dateline";
}

/// <summary>A person, organisation or place a statement names, with every place it is named.</summary>
public sealed record StatementEntity(string Id, string Type, EntityLabels Labels, IReadOnlyList<EntityMention> Mentions);
