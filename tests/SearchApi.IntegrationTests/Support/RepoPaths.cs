namespace SearchApi.IntegrationTests.Support;

/// <summary>Paths inside the repository, found by walking up from the test assembly to SearchApi.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SearchApi.sln"))) return dir.FullName;
        throw new InvalidOperationException("SearchApi.sln not found above " + AppContext.BaseDirectory);
    }
}
