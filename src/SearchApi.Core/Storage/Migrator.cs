using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace SearchApi.Core.Storage;

/// <summary>Applies the embedded, numbered SQL migrations (Storage/Migrations/&lt;dialect&gt;/NNNN_name.sql) that a database lacks.</summary>
public static partial class Migrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    [GeneratedRegex(@"\.Migrations\.(?<dialect>\w+)\._?(?<version>\d{4})_(?<name>\w+)\.sql$")]
    private static partial Regex ResourceName();

    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success || match.Groups["dialect"].Value != dialect) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    /// <summary>Applies every migration above the database's version, each in its own transaction. Returns how many ran.</summary>
    public static async Task<int> ApplyAsync(DbConnection connection, string dialect, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
        var count = 0;
        foreach (var migration in For(dialect))
        {
            if (applied.Contains(migration.Version)) continue;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            count++;
        }
        return count;
    }
}
