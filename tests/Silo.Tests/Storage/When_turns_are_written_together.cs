using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Switchboard.Storage.Conversations;
using Switchboard.Testing;

namespace Switchboard.Silo.Tests.Storage;

/// <summary>
/// Group commit: turns that queue up while a transaction is in flight go together in the next one
/// (one round trip, one WAL flush). A turn whose check fails inside a group is refused alone; the
/// others are written, still together.
/// </summary>
public sealed class When_turns_are_written_together(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncDisposable
{
    private const long Gate = 0x6772_6f75_70;

    // As the silos' data source is built (StorageServiceCollectionExtensions): refused statements are named.
    private readonly NpgsqlDataSource dataSource = new NpgsqlDataSourceBuilder(database.ConnectionString)
    {
        ConnectionStringBuilder = { IncludeFailedBatchedCommand = true },
    }.Build();

    [Fact]
    public async Task A_turn_refused_inside_a_group_leaves_the_others_written_in_one_transaction()
    {
        var table = "group_probe_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"create table {table} (writer int primary key, transaction_id bigint not null)");
        await using var commits = new GroupCommit(dataSource, Options.Create(new GroupCommitOptions { Writers = 1 }), NullLogger<GroupCommit>.Instance);

        // The only writer waits on a lock the test holds, so the next turns queue up behind it.
        await connection.ExecuteAsync("select pg_advisory_lock(@Gate)", new { Gate });
        var first = commits.CommitAsync([Statement("select pg_advisory_xact_lock($1)", Gate), Insert(table, 0)]);
        await Eventually.TrueAsync(async () => await connection.ExecuteScalarAsync<bool>(
            "select exists (select 1 from pg_locks where locktype = 'advisory' and not granted)"), what: "the first turn to wait on the gate");
        var second = commits.CommitAsync([Insert(table, 1)]);
        var refused = commits.CommitAsync([Insert(table, 2), Statement("select expect_rows(0, 1, $1, 'refused for the test')", ConversationWriteConflicts.VersionConflict)]);
        var third = commits.CommitAsync([Insert(table, 3)]);
        await connection.ExecuteAsync("select pg_advisory_unlock(@Gate)", new { Gate });

        await Task.WhenAll(first, second, third);
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => refused);
        Assert.Equal(ConversationWriteConflicts.VersionConflict, refusal.SqlState);
        var written = (await connection.QueryAsync<(int Writer, long TransactionId)>($"select writer, transaction_id from {table} order by writer")).ToList();
        Assert.Equal([0, 1, 3], written.Select(w => w.Writer));
        Assert.Equal(written[1].TransactionId, written[2].TransactionId);
        Assert.NotEqual(written[0].TransactionId, written[1].TransactionId);
    }

    [Fact]
    public async Task A_lone_turn_is_written_at_once_by_an_idle_writer()
    {
        var table = "lone_probe_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"create table {table} (writer int primary key, transaction_id bigint not null)");
        await using var commits = new GroupCommit(dataSource, Options.Create(new GroupCommitOptions()), NullLogger<GroupCommit>.Instance);

        await commits.CommitAsync([Insert(table, 7)]);

        Assert.Equal(7, await connection.ExecuteScalarAsync<int>($"select writer from {table}"));
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private static NpgsqlBatchCommand Insert(string table, int writer) => Statement($"insert into {table} values ($1, txid_current())", writer);

    private static NpgsqlBatchCommand Statement(string sql, params object[] values)
    {
        var statement = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            statement.Parameters.Add(new() { Value = value });
        }

        return statement;
    }
}
