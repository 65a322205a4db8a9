using Npgsql;
using Switchboard.Testing;

namespace Switchboard.Silo.Tests.Storage;

/// <summary>
/// What recovery from a database restart or failover relies on (failure mode 7): after the
/// database cuts every session, a node's pool hands out one dead session, the query on it
/// fails (the caller answers 503 or retries at its next poll), and Npgsql then drops the rest
/// of the pool, so the next queries run on fresh sessions instead of failing one by one.
/// </summary>
public sealed class When_the_database_cuts_sessions(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int PooledSessions = 5;

    [Fact]
    public async Task Only_the_first_query_after_the_cut_fails()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await FillPoolAsync(dataSource);
        await TerminateSessionsAsync(database.Name);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => SelectOneAsync(dataSource));

        for (var i = 0; i < PooledSessions; i++)
        {
            Assert.Equal(1, await SelectOneAsync(dataSource));
        }
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
