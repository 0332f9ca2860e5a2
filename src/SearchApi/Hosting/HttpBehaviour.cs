using System.IO.Compression;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>The real client behind trusted proxies, cross-origin access for the configured frontends, and compressed responses.</summary>
public static class HttpBehaviour
{
    private const string CorsPolicy = "frontends";

    public static IServiceCollection AddHttpBehaviour(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "application/x-ndjson"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SearchApiOptions>>((forwarded, settings) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (settings.Value.TrustedProxies.Length == 0) return;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.TrustedProxies)
                if (TrustedNetworks.TryParse(proxy, out var network)) forwarded.KnownIPNetworks.Add(network);
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<SearchApiOptions>>((cors, settings) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(settings.Value.CorsOrigins)
                .WithMethods("GET", "HEAD")
                .AllowAnyHeader()
                .WithExposedHeaders("ETag", "Retry-After")));
        return services;
    }

    public static WebApplication UseHttpBehaviour(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseCors(CorsPolicy);
        return app;
    }
}
