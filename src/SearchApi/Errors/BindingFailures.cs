using System.Text.RegularExpressions;

namespace SearchApi.Errors;

/// <summary>Rewrites ASP.NET's binding messages ("Failed to bind parameter "Nullable&lt;int&gt; Limit" from "ten".") in the API's own terms.</summary>
public static partial class BindingFailures
{
    [GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>\\w+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex FailedToBind();

    public static string Explain(string message)
    {
        var match = FailedToBind().Match(message);
        if (!match.Success) return message;
        var name = match.Groups["name"].Value;
        var parameter = char.ToLowerInvariant(name[0]) + name[1..];
        var type = match.Groups["type"].Value;
        var expected = type.Contains("int", StringComparison.OrdinalIgnoreCase) ? "a whole number" : $"a {type}";
        return $"{parameter} '{match.Groups["value"].Value}' is not {expected}.";
    }
}
