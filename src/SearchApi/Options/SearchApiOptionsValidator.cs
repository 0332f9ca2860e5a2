using Microsoft.Extensions.Options;
using SearchApi.Core.Storage;
using SearchApi.Hosting;

namespace SearchApi.Options;

/// <summary>Fails start-up with a plain message when a setting cannot work.</summary>
public sealed class SearchApiOptionsValidator : IValidateOptions<SearchApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchApiOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("SearchApi:DataDirectory must name a folder for the store and the index.");
        else if (!CanWrite(options.DataDirectory, out var reason))
            failures.Add($"SearchApi:DataDirectory '{options.DataDirectory}' cannot be created or written: {reason}");
        if (StoreEngines.Check(options.Storage, options.StatementsConnectionString) is { } storeProblem)
            failures.Add(storeProblem);
        if (options.StoreWaitSeconds is < 0 or > 3_600) failures.Add("SearchApi:StoreWaitSeconds must be between 0 and 3600.");
        if (options.SeedsPath is { } seeds && !options.SeedsDisabled && !Directory.Exists(seeds) && !File.Exists(seeds))
            failures.Add($"SearchApi:SeedsPath '{seeds}' does not exist.");
        foreach (var origin in options.CorsOrigins)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
                failures.Add($"SearchApi:CorsOrigins '{origin}' is not an origin such as https://newsroom.example.org.");
        if (options.CursorLifetimeSeconds is < 10 or > 86_400)
            failures.Add("SearchApi:CursorLifetimeSeconds must be between 10 and 86400.");
        if (options.SyncIntervalMs is < 50 or > 600_000) failures.Add("SearchApi:SyncIntervalMs must be between 50 and 600000.");
        if (options.IndexCacheMegabytes is < 16 or > 1_048_576) failures.Add("SearchApi:IndexCacheMegabytes must be between 16 and 1048576.");
        if (options.IndexCommitSeconds is < 1 or > 86_400) failures.Add("SearchApi:IndexCommitSeconds must be between 1 and 86400.");
        if (options.IndexCommitChanges is < 1 or > 10_000_000) failures.Add("SearchApi:IndexCommitChanges must be between 1 and 10000000.");
        if (options.MaxIndexLagSeconds is < 1 or > 86_400) failures.Add("SearchApi:MaxIndexLagSeconds must be between 1 and 86400.");
        if (options.MaxQueryClauses is < 1 or > 1_000) failures.Add("SearchApi:MaxQueryClauses must be between 1 and 1000.");
        if (options.MaxPrefixExpansions is < 1 or > 1_000) failures.Add("SearchApi:MaxPrefixExpansions must be between 1 and 1000.");
        foreach (var key in options.ConfiguredApiKeys)
            if (key.Length < 16) failures.Add("Every SearchApi:ApiKeys entry must be at least 16 characters.");
        foreach (var proxy in options.TrustedProxies)
            if (!TrustedNetworks.TryParse(proxy, out _))
                failures.Add($"SearchApi:TrustedProxies '{proxy}' is neither an IP address nor a network such as 10.0.0.0/8.");
        if (options.MaxBodyBytes is < 1_024 or > 100 * 1024 * 1024) failures.Add("SearchApi:MaxBodyBytes must be between 1 KiB and 100 MiB.");
        if (options.MaxBulkBodyBytes < options.MaxBodyBytes) failures.Add("SearchApi:MaxBulkBodyBytes must not be below SearchApi:MaxBodyBytes.");
        if (options.MaxBulkLineBytes is < 1_024 or > 64 * 1024 * 1024) failures.Add("SearchApi:MaxBulkLineBytes must be between 1 KiB and 64 MiB.");
        if (options.SearchTimeoutMs is < 1 or > 600_000) failures.Add("SearchApi:SearchTimeoutMs must be between 1 and 600000.");
        if (options.RateLimit.AnonymousPerSecond < 0 || options.RateLimit.KeyedPerSecond < 0 || options.RateLimit.AnonymousBurst < 0 || options.RateLimit.KeyedBurst < 0)
            failures.Add("SearchApi:RateLimit values must not be negative.");
        if (options.CursorSecret is { Length: < 16 })
            failures.Add("SearchApi:CursorSecret must be at least 16 characters when set.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool CanWrite(string folder, out string reason)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            reason = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reason = e.Message;
            return false;
        }
    }
}
