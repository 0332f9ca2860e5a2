namespace SearchApi.Operations;

/// <summary>
/// A command for operators, given as the first argument of the service's binary instead of running the server:
/// ingest PATH…, reindex, export. Arguments of the form --Key=Value (and --urls) stay configuration, as for the server.
/// </summary>
public sealed record OperatorCommand(string Verb, IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options)
{
    public static readonly IReadOnlyList<string> Verbs = ["ingest", "reindex", "export", "snapshot"];

    /// <summary>Splits the command line into an operator command (or none) and the arguments for configuration.</summary>
    public static (OperatorCommand? Command, string[] ConfigurationArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0])) return (null, args);
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=')) configuration.Add(arg);
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var flag = i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[name] = flag ? "true" : args[++i];
            }
            else positional.Add(arg);
        }
        return (new OperatorCommand(args[0], positional, options), configuration.ToArray());
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    public IReadOnlyList<string> Values(string name) =>
        Options.TryGetValue(name, out var value) ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    public const string Usage = """
        usage: SearchApi [ingest PATH… | reindex | snapshot DIR | export [options]] [--SearchApi:Key=Value …]
          ingest PATH…   add the statements of files or folders (.txt, .json, .jsonl, .ndjson, .jsonl.gz) to the store and index
          reindex        rebuild the index from the store (the service must be stopped; else POST /api/v1/admin/reindex)
          snapshot DIR   copy the index's last commit into DIR (also beside a running service), for a new replica's
                         SearchApi:IndexSnapshotFrom
          export         write the statements a search matches: --q TEXT --lang en,ru --source S --kind K --person ID
                         --organization ID --place ID --from YYYY-MM-DD --to YYYY-MM-DD --sort relevance|date|-date
                         --format ndjson|csv --include-text --out FILE (default: standard output)
        """;
}
