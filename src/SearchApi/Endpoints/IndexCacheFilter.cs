using System.Security.Cryptography;
using System.Text;
using SearchApi.Core.Search;
using SearchApi.Hosting;

namespace SearchApi.Endpoints;

/// <summary>
/// ETag and Cache-Control for answers computed from the index: the tag names this process, the index version and the
/// request, so a client that sends it back in If-None-Match gets 304 until a write changes the index. Clients must
/// revalidate (no-cache): the index changes with every write.
/// </summary>
public sealed class IndexCacheFilter(SearchService search, InstanceIdentity instance) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request.Path + http.Request.QueryString;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)))[..16];
        var etag = $"W/\"{instance.Id:x}-{search.CurrentVersion():x}-{hash}\"";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = etag;
        if (EntityTags.Matches(http.Request.Headers.IfNoneMatch, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var result = await next(context);
        if (http.Response.StatusCode >= 400) http.Response.Headers.Remove("ETag");
        return result;
    }
}
