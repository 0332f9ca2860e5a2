using System.Text.RegularExpressions;

namespace SearchApi.Errors;

/// <summary>
/// Rewrites ASP.NET's binding messages ("Failed to bind parameter "Nullable&lt;int&gt; Limit" from "ten".", "Required
/// parameter … was not provided") in the API's own terms: the parameter's name as the client sent it, never a .NET type.
/// </summary>
public static partial class BindingFailures
{
    private const int MaxEchoedValue = 60;

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>\\w+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("\"(?<type>[^\"]+) (?<name>\\w+)\"")]
    private static partial Regex TypedParameter();

    public static string Explain(string message)
    {
        var match = FailedToBind().Match(message);
        if (match.Success)
        {
            var type = match.Groups["type"].Value;
            var expected = type.Contains("int", StringComparison.OrdinalIgnoreCase) ? "a whole number"
                : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "true or false"
                : "of the right form";
            return $"{Name(match.Groups["name"].Value)} '{Echo(match.Groups["value"].Value)}' is not {expected}.";
        }
        // Other binding messages name the parameter with its .NET type: keep the name only.
        var rewritten = TypedParameter().Replace(message, m => "'" + Name(m.Groups["name"].Value) + "'");
        return rewritten.Contains("System.", StringComparison.Ordinal) || rewritten.Contains("SearchApi.", StringComparison.Ordinal) || rewritten.Contains('`')
            ? "A parameter or the request body could not be read."
            : rewritten;
    }

    private static string Name(string parameter) => char.ToLowerInvariant(parameter[0]) + parameter[1..];

    // The value as sent, on one line and short: it is the client's own input, echoed so they can find it.
    private static string Echo(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length > MaxEchoedValue ? line[..MaxEchoedValue] + "…" : line;
    }
}
