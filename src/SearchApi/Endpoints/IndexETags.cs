using System.Security.Cryptography;
using System.Text;
using SearchApi.Core.Search;
using SearchApi.Hosting;

namespace SearchApi.Endpoints;

/// <summary>
/// ETag and Cache-Control for answers computed from the index: the tag names this process, the snapshot the read
/// session answers from and the request, so a client that sends it back in If-None-Match gets 304 until a write
/// changes the index (or, for a later page, as long as its snapshot lives). Clients must revalidate (no-cache).
/// A problem answer drops the tag (<see cref="Errors.ProblemExceptionHandler"/>).
/// </summary>
public static class IndexETags
{
    /// <summary>Sets the tag for <paramref name="session"/>; true when the client already holds this answer.</summary>
    public static bool NotModified(HttpContext http, ReadSession session)
    {
        var instance = http.RequestServices.GetRequiredService<InstanceIdentity>();
        var request = http.Request.Path + http.Request.QueryString;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)))[..16];
        var etag = $"W/\"{instance.Id:x}-{session.Version:x}-{hash}\"";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = etag;
        return EntityTags.Matches(http.Request.Headers.IfNoneMatch, etag);
    }
}
