using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Storage;

/// <summary>A digest of everything a statement says, so that re-ingesting identical content can be recognised as a no-op.</summary>
public static class ContentHash
{
    public static string Of(Statement statement)
    {
        var canonical = new StringBuilder();
        foreach (var field in Fields(statement)) canonical.Append(field ?? "\u0000").Append('\u001F');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static IEnumerable<string?> Fields(Statement s)
    {
        yield return s.Id;
        yield return s.Lang;
        yield return s.Title;
        yield return s.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return s.DatePrecision;
        yield return s.Source;
        yield return s.Url;
        yield return s.Kind;
        yield return s.Author;
        yield return s.Text;
        yield return EntityJson.Write(s.Entities);
        // Added later: only a statement with a dateline hashes it, so every hash from before stays as it was.
        if (s.Dateline is not null) yield return s.Dateline;
    }
}
