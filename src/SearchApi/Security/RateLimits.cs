using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SearchApi.Errors;
using SearchApi.Options;

namespace SearchApi.Security;

/// <summary>
/// Token buckets per client: anonymous clients by address, writers by API key (a valid key gets its own, larger
/// bucket). Over the limit: 429 rate_limited with Retry-After. Health checks are never limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SearchApiOptions>, ApiKeyRing>((limiter, settings, keys) =>
        {
            var limits = settings.Value.RateLimit;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments(Observability.Telemetry.MetricsPath))
                    return RateLimitPartition.GetNoLimiter("operations");
                if (keys.Check(context.Request.Headers[ApiKeyRing.Header], out var keyId) == KeyCheck.Valid)
                    return Bucket("key:" + keyId, limits.KeyedPerSecond, limits.KeyedBurst);
                return Bucket("ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), limits.AnonymousPerSecond, limits.AnonymousBurst);
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await ProblemExceptionHandler.Write(problems, context.HttpContext, ApiErrors.RateLimited,
                    $"This client made more requests than its limit allows; retry after {retryAfter} s.");
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Bucket(string key, int perSecond, int burst) =>
        perSecond == 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, burst),
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
}
