using Npgsql;
using Switchboard.Runtime.Storage;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_the_database_cuts_sessions(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int PooledSessions = 5;

    [Fact]
    public async Task The_first_failure_clears_the_pool_and_the_next_queries_get_fresh_sessions()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await FillPoolAsync(dataSource);
        await TerminateSessionsAsync(database.Name);

        var failure = await Assert.ThrowsAnyAsync<NpgsqlException>(() => SelectOneAsync(dataSource));
        Assert.True(new SessionLoss(dataSource).ClearPoolIfLost(failure), $"not recognised as a lost session: {failure.Message}");

        for (var i = 0; i < PooledSessions; i++)
        {
            Assert.Equal(1, await SelectOneAsync(dataSource));
        }
    }

    [Fact]
    public async Task Without_clearing_each_pooled_session_fails_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await FillPoolAsync(dataSource);
        await TerminateSessionsAsync(database.Name);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => SelectOneAsync(dataSource));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => SelectOneAsync(dataSource));
    }

    [Fact]
    public async Task A_statement_error_is_not_a_lost_session()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("select 1 / 0");

        var failure = await Assert.ThrowsAnyAsync<PostgresException>(() => command.ExecuteScalarAsync());

        Assert.False(SessionLoss.IsSessionLoss(failure));
    }

    /// <summary>Opens several sessions at once and returns them all to the pool idle.</summary>
    private static async Task FillPoolAsync(NpgsqlDataSource dataSource)
    {
        var connections = new List<NpgsqlConnection>();
        for (var i = 0; i < PooledSessions; i++)
        {
            connections.Add(await dataSource.OpenConnectionAsync());
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task TerminateSessionsAsync(string databaseName)
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", admin);
        command.Parameters.Add(new() { Value = databaseName });
        var killed = (long)(await command.ExecuteScalarAsync())!;
        Assert.True(killed >= PooledSessions, $"only {killed} sessions were terminated");

        // Termination is a signal: wait until the backends have actually gone.
        await Eventually.TrueAsync(
            async () =>
            {
                await using var remaining = new NpgsqlCommand(
                    "select count(*) = 0 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", admin);
                remaining.Parameters.Add(new() { Value = databaseName });
                return (bool)(await remaining.ExecuteScalarAsync())!;
            },
            what: "the terminated sessions to end");
    }

    private static async Task<int> SelectOneAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("select 1");
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
