namespace SearchApi.Core.Statements;

/// <summary>The languages the service analyses, as ISO 639-1 codes.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Russian = "ru";

    public static readonly IReadOnlyList<string> All = [English, Russian];

    public static bool IsKnown(string? code) => code is English or Russian;

    public static EntityLabels Labels(string code) => code switch
    {
        English => new EntityLabels("English", "Английский"),
        Russian => new EntityLabels("Russian", "Русский"),
        _ => new EntityLabels(code, code),
    };
}
