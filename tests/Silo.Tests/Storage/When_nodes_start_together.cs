using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Switchboard.Storage.Postgres;
using Switchboard.Testing;

namespace Switchboard.Silo.Tests.Storage;

public sealed class When_nodes_start_together : IAsyncLifetime
{
    private readonly string name = "m_" + Guid.NewGuid().ToString("N");
    private NpgsqlDataSource dataSource = null!;

    [Fact]
    public async Task Migrations_applied_by_three_nodes_at_once_run_each_file_once()
    {
        var runners = Enumerable.Range(0, 3).Select(_ => new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance)).ToList();

        var applied = await Task.WhenAll(runners.Select(r => Task.Run(() => r.ApplyAsync(CancellationToken.None))));

        var files = MigrationRunner.LoadMigrations();
        Assert.Equal(files.Count, applied.Sum());
        await using var connection = await dataSource.OpenConnectionAsync();
        var versions = (await connection.QueryAsync<int>("select version from schema_migrations order by version")).ToList();
        Assert.Equal(files.Select(f => f.Version), versions);
    }

    [Fact]
    public async Task A_node_started_on_a_migrated_database_applies_nothing()
    {
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.ApplyAsync(CancellationToken.None);

        Assert.Equal(0, await runner.ApplyAsync(CancellationToken.None));
    }

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"create database {name}");
        }

        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name }.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await admin.ExecuteAsync($"drop database if exists {name} with (force)");
    }
}
