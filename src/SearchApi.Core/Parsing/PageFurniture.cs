using System.Text.RegularExpressions;

namespace SearchApi.Core.Parsing;

/// <summary>Lines a web page wraps around a statement (share bars, comment prompts, the "Source:" line) that are not part of it.</summary>
public static partial class PageFurniture
{
    [GeneratedRegex(@"^(?:(?:Google\+|Facebook|Twitter|X|Pinterest|LinkedIn|Tumblr|VK|VKontakte|ВКонтакте|Telegram|WhatsApp|Viber|Reddit|Email|E-mail|Одноклассники|\+)(?:\s+|$)){2,}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShareBar();

    [GeneratedRegex(@"^(?:Share|Print|Leave a reply|Leave a comment|Comments|Related posts|Поделиться|Распечатать|Оставить комментарий|Комментарии)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^(?:Source|Источник)\s*:\s*(?<url>https?://\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    // Furniture lines are short; a long line is text.
    private const int MaxFurnitureLength = 200;

    public static bool IsFurniture(string line) => line.Length <= MaxFurnitureLength && (ShareBar().IsMatch(line) || Prompt().IsMatch(line));

    /// <summary>The url of a "Source: https://…" line.</summary>
    public static bool TryParseSourceLine(string line, out string url)
    {
        var match = SourceLine().Match(line);
        url = match.Success ? match.Groups["url"].Value : "";
        return match.Success;
    }

    /// <summary>The site a url belongs to, without "www." ("https://www.mid.ru/ru/…" gives "mid.ru").</summary>
    public static string? SiteOf(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0) return null;
        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
