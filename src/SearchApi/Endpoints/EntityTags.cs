using Microsoft.Extensions.Primitives;

namespace SearchApi.Endpoints;

/// <summary>Strong entity tags from content hashes, and the If-None-Match comparison (weak, as RFC 9110 asks for GET).</summary>
public static class EntityTags
{
    public static string For(string contentHash) => $"\"{contentHash[..Math.Min(32, contentHash.Length)]}\"";

    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        var wanted = Opaque(etag);
        foreach (var header in ifNoneMatch)
        {
            if (header is null) continue;
            foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (candidate == "*" || Opaque(candidate) == wanted) return true;
        }
        return false;
    }

    private static string Opaque(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
