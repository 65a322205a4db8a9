using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Switchboard.Storage.Postgres;

/// <summary>
/// Applies the numbered SQL files of db/migrations (embedded in this assembly) in order.
/// Nodes that start together take a session advisory lock first, so exactly one applies
/// each file and the others wait and then find nothing left to do.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any constant shared by every node; the value itself means nothing.
    private const long AdvisoryLockKey = 0x5377_6974_6368_6264;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var migrations = LoadMigrations();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                create table if not exists schema_migrations (
                    version    integer primary key,
                    name       text not null,
                    applied_at timestamptz not null default now()
                )
                """, cancellationToken: cancellationToken));

            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "select version from schema_migrations", cancellationToken: cancellationToken))).ToHashSet();

            var count = 0;
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into schema_migrations (version, name) values (@Version, @Name)",
                    new { migration.Version, migration.Name }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, migration.Version, migration.Name);
                count++;
            }

            return count;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    public static IReadOnlyList<Migration> LoadMigrations()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations are numbered {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"^migrations/(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);

    public sealed record Migration(int Version, string Name, string Sql);
}
