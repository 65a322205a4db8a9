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
    /// <summary>The server's admin connection: the test server unless another was given.</summary>
    private readonly string adminConnectionString;

    public PostgresDatabase()
        : this(TestEnvironment.PostgresAdminConnectionString)
    {
    }

    // xunit requires a fixture's public constructor to be its only one.
    private PostgresDatabase(string adminConnectionString) => this.adminConnectionString = adminConnectionString;

    /// <summary>A database on another server than the test one (the benchmarks use the one ./run started).</summary>
    public static PostgresDatabase On(string adminConnectionString) => new(adminConnectionString);

    public string Name { get; } = "t_" + Guid.NewGuid().ToString("N");

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {Name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString)
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
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
