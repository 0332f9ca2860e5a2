namespace SearchApi.Core.Statements;

/// <summary>The languages the service analyses, as ISO 639-1 codes.</summary>
public static class Languages
{
    public const string English = "en";
    public const string Russian = "ru";

    public static readonly IReadOnlyList<string> All = [English, Russian];

    public static bool IsKnown(string? code) => code is English or Russian;

    public static string Label(string code) => code switch
    {
        English => "English",
        Russian => "Russian",
        _ => code,
    };
}
