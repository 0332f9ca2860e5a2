using System.Text.Json;

namespace SearchApi.Core.Parsing;

/// <summary>
/// What is wrong with a JSON statement, in our words: System.Text.Json's messages name .NET types ("could not be
/// converted to System.String") and its own position format, neither of which means anything to a partner.
/// </summary>
public static class JsonErrors
{
    public static string Describe(JsonException exception)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var where = exception.BytePositionInLine is { } column
            ? $" (line {exception.LineNumber.GetValueOrDefault() + 1}, byte {column + 1})"
            : "";
        var message = exception.Message;
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return path == "$"
                ? "a statement must be a JSON object" + where
                : $"{path[2..]} must be a string of valid Unicode text (no lone \\uD800-\\uDFFF escapes){where}";
        // The reader's own messages are plain ("'x' is an invalid start of a value."); drop its position suffix and
        // anything that names a .NET type.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        if (message.Contains("System.", StringComparison.Ordinal) || message.Contains("SearchApi.", StringComparison.Ordinal))
            message = "the JSON is malformed";
        return $"{message.TrimEnd('.')} at {path}{where}";
    }
}
