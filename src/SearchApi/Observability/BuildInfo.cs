using System.Reflection;

namespace SearchApi.Observability;

/// <summary>
/// The version and git commit of this build, from the assembly's informational version ("1.0.0+3f1c2a…", which the SDK
/// writes from the project's Version and the checkout's commit, or from -p:SourceRevisionId in the container build).
/// </summary>
public static class BuildInfo
{
    private static readonly string Informational =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The version, e.g. 1.0.0.</summary>
    public static string Version { get; } = Informational.Split('+')[0];

    /// <summary>The git commit (twelve hex digits), or "unknown" for a build outside a checkout.</summary>
    public static string Commit { get; } = Informational.Split('+') is [_, var commit, ..] && commit.Length > 0 ? commit[..Math.Min(12, commit.Length)] : "unknown";
}
