using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchApi.Core.Statements;

/// <summary>Statement identifiers: given ids are validated; missing ones are derived from the content, so the same input always gets the same id.</summary>
public static partial class StatementIds
{
    public const int MaxLength = 128;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$")]
    private static partial Regex ValidId();

    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>A 16-hex-digit id from the statement's url when it has one (so a corrected text keeps its id), else from its title and text.</summary>
    public static string Derive(string? url, string title, string text) =>
        url is not null ? Hash("url\n" + url) : Hash("text\n" + title + "\n" + text);

    private static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
}
