using SearchApi.Core.Indexing;
using SearchApi.Options;

namespace SearchApi.Hosting;

/// <summary>Where a new replica's index comes from (<see cref="SearchApiOptions.IndexSnapshotFrom"/>): a folder, or a running replica over HTTP.</summary>
public static class IndexSnapshotSource
{
    public const string Path = "/api/v1/admin/index/snapshot";
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Fills a new index folder from the configured snapshot; null when none is configured.</summary>
    public static Action<string>? For(SearchApiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.IndexSnapshotFrom)) return null;
        var from = options.IndexSnapshotFrom.Trim();
        if (Uri.TryCreate(from, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return target => DownloadAsync(uri, options.IndexSnapshotApiKey, target).GetAwaiter().GetResult();
        return target => IndexSnapshots.CopyFolder(from, target);
    }

    private static async Task DownloadAsync(Uri replica, string? apiKey, string target)
    {
        using var client = new HttpClient { BaseAddress = replica, Timeout = DownloadTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        if (!string.IsNullOrWhiteSpace(apiKey)) request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{replica} answered {(int)response.StatusCode} to {Path}.");
        await using var body = await response.Content.ReadAsStreamAsync();
        await IndexSnapshots.ExtractTarAsync(body, target);
    }
}
