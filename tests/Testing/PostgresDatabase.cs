using Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Switchboard.Storage.Postgres;

namespace Switchboard.Testing;

/// <summary>
/// A fresh, migrated database of its own on the test PostgreSQL server, dropped afterwards.
/// Use as an xunit class fixture so test classes run in parallel without sharing rows.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {Name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString)
        {
            Database = Name,
            MaxPoolSize = 200,
        }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
