using Microsoft.Extensions.DependencyInjection;
using Dapper;
using Switchboard.Grains.Abstractions;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_a_turn_fails(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_turn_that_throws_leaves_state_outbox_and_reminders_untouched()
    {
        await using var node = TestNode.Create(database, "fail:");
        var key = new GrainKey("tenant-fail", "throwing");
        await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        await node.Runtime().SendAsync(node.Counter(), key, new ScheduleAlarm(DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None);
        var before = await ReadRowsAsync(key);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            node.Runtime().SendAsync(node.Counter(), key, new Explode(), CancellationToken.None));

        Assert.Equal(before, await ReadRowsAsync(key));
    }

    [Fact]
    public async Task A_turn_whose_projection_fails_in_the_database_commits_nothing()
    {
        await using var node = TestNode.Create(database, "fail:", services =>
            services.AddSingleton<Grains.IGrainProjection<CounterState, CounterEvent>, FailingProjection>());
        var key = new GrainKey("tenant-fail", "projection-fails");

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() =>
            node.Runtime().SendAsync(node.Counter(), key, new ScheduleAlarm(DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None));

        var rows = await ReadRowsAsync(key);
        Assert.Equal((0L, 0L, 0L, 0L), (rows.Version, rows.Events, rows.Reminders, rows.Work));
    }

    [Fact]
    public async Task A_rejected_command_changes_nothing_and_says_why()
    {
        await using var node = TestNode.Create(database, "fail:");
        var key = new GrainKey("tenant-fail", "refusing");
        await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);

        var outcome = await node.Runtime().SendAsync(node.Counter(), key, new RefuseAlways(), CancellationToken.None);

        Assert.Equal("refused", outcome.Rejection?.Code);
        Assert.Equal(1, outcome.Version);
        Assert.Equal((1L, 1L), ((await ReadRowsAsync(key)).Version, (await ReadRowsAsync(key)).Events));
    }

    private async Task<(long Version, long Events, long Reminders, long Work, string? State)> ReadRowsAsync(GrainKey key)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long, long, long, string?)>(
            """
            select
              coalesce((select version from grain_state where tenant_id = @TenantId and grain_key = @Id), 0),
              (select count(*) from grain_events where tenant_id = @TenantId and grain_key = @Id),
              (select count(*) from reminders where tenant_id = @TenantId and grain_key = @Id),
              (select count(*) from work_items where tenant_id = @TenantId and grain_key = @Id),
              (select state::text from grain_state where tenant_id = @TenantId and grain_key = @Id)
            """, new { key.TenantId, key.Id });
    }

    /// <summary>Writes into a table that does not exist, after the runtime queued its own writes.</summary>
    private sealed class FailingProjection : Grains.IGrainProjection<CounterState, CounterEvent>
    {
        public void Project(Npgsql.NpgsqlBatch batch, GrainKey key, CounterState state, IReadOnlyList<Grains.CommittedEvent<CounterEvent>> events) =>
            batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand("insert into no_such_table values (1)"));
    }
}
