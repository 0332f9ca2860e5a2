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

    /// <summary>
    /// Applies every migration the database lacks, each in its own transaction under the store's write lock, so that
    /// replicas starting together apply each migration once. Returns how many this call applied.
    /// </summary>
    public static async Task<int> ApplyAsync(IStoreConnections connections, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var count = 0;
        foreach (var migration in For(connections.Dialect))
        {
            await using var transaction = await connections.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(Command(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                null, transaction, cancellationToken));
            var applied = await connection.ExecuteScalarAsync<long>(Command(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }, transaction, cancellationToken));
            if (applied > 0) continue;
            await connection.ExecuteAsync(Command(migration.Sql, null, transaction, cancellationToken));
            await connection.ExecuteAsync(Command(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
                transaction, cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static CommandDefinition Command(string sql, object? parameters, DbTransaction transaction, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
