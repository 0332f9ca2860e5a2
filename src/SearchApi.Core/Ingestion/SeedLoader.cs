using Microsoft.Extensions.Logging;
using SearchApi.Core.Parsing;
using SearchApi.Core.Statements;

namespace SearchApi.Core.Ingestion;

/// <summary>Ingests the sample statements of a seeds folder (every .txt, .json and .jsonl file in it).</summary>
public sealed class SeedLoader(StatementFileReader reader, IngestionService ingestion, ILogger<SeedLoader> logger)
{
    public async Task<int> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var statements = new List<Statement>();
        foreach (var file in StatementFileReader.FilesIn(folder))
        {
            await foreach (var item in reader.ReadFileAsync(file, cancellationToken: cancellationToken))
            {
                if (item.Statement is not null) statements.Add(item.Statement);
                else logger.LogWarning("Seed {File}{Line} skipped: {Error}", item.Origin, item.Line is { } line ? $":{line}" : "", item.Error);
            }
        }
        await ingestion.IngestAsync(statements, cancellationToken);
        logger.LogInformation("Ingested {Count} seed statements from {Folder}", statements.Count, folder);
        return statements.Count;
    }
}
