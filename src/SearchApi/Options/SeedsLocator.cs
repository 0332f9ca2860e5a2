namespace SearchApi.Options;

/// <summary>Finds the seeds folder when none is configured: the nearest "seeds" folder above the working or the application directory.</summary>
public static class SeedsLocator
{
    public static string? Resolve(SearchApiOptions options)
    {
        if (options.SeedsDisabled) return null;
        if (options.SeedsPath is not null) return options.SeedsPath;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
