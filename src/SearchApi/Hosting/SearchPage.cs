using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace SearchApi.Hosting;

/// <summary>
/// The search page at / for people who would rather not use Swagger: static files from Web/ beside the assembly (copied
/// there by the build, so dotnet run, the tests and a published build serve the same files), no build step. A strict
/// content security policy backs up the page's own rule that statement text is never inserted as HTML.
/// </summary>
public static class SearchPage
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static WebApplication UseSearchPage(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "Web"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = Policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Revalidate on every load (the ETag makes that cheap), so a new release is seen at once.
                headers.CacheControl = "no-cache";
            },
        });
        return app;
    }
}
