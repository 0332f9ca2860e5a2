using SearchApi.Errors;

namespace SearchApi.IntegrationTests;

/// <summary>The README tells the truth about errors: every problem code the API can answer with is in its table.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void Every_problem_code_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        foreach (var error in ApiErrors.All)
            Assert.True(readme.Contains($"| `{error.Code}` | {error.Status} |", StringComparison.Ordinal), $"README lacks {error.Code} ({error.Status})");
    }
}
