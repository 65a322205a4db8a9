using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Reminders;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_reminders_come_due(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_reminder_scanned_by_three_silos_at_once_fires_exactly_once()
    {
        var silos = Enumerable.Range(0, 3).Select(_ => TestNode.Create(database, "rem:")).ToList();
        var keys = Enumerable.Range(0, 150).Select(i => new GrainKey("tenant-rem", $"alarm-{i}")).ToList();
        var runtime = silos[0].Runtime();
        foreach (var key in keys)
        {
            await runtime.SendAsync(silos[0].Counter(), key, new ScheduleAlarm(DateTimeOffset.UtcNow.AddSeconds(-1)), CancellationToken.None);
        }

        // Three scanners race over the same due rows until none is left.
        await Eventually.TrueAsync(async () =>
        {
            await Task.WhenAll(silos.Select(s => Task.Run(() => s.GetRequiredService<ReminderScanner>().ScanOnceAsync(CancellationToken.None))));
            return await CountAsync("select count(*) from reminders where tenant_id = 'tenant-rem'") == 0;
        }, what: "all reminders delivered");

        foreach (var key in keys)
        {
            var snapshot = await runtime.ReadAsync(silos[0].Counter(), key, CancellationToken.None);
            Assert.Equal(1, snapshot.State.AlarmsFired);
        }

        Assert.Equal(keys.Count, await CountAsync("select count(*) from grain_events where tenant_id = 'tenant-rem' and event_type = 'AlarmFired'"));
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_claim_made_stale_by_a_reschedule_delivers_nothing()
    {
        await using var node = TestNode.Create(database, "rem:");
        var key = new GrainKey("tenant-stale", "rescheduled");
        var dueNow = DateTimeOffset.UtcNow.AddSeconds(-1);
        await node.Runtime().SendAsync(node.Counter(), key, new ScheduleAlarm(dueNow), CancellationToken.None);
        var hosted = node.GetRequiredService<IEnumerable<Grains.IHostedGrain>>().Single(g => g.Name == "counter");

        // A claimer took it (attempt 1), then the grain moved the alarm an hour later.
        await ExecuteAsync("update reminders set attempt = 1, locked_until = now() + interval '1 minute' where grain_key = 'rescheduled'");
        await node.Runtime().SendAsync(node.Counter(), key, new ScheduleAlarm(DateTimeOffset.UtcNow.AddHours(1)), CancellationToken.None);
        var delivered = await hosted.DeliverReminderAsync(node.Runtime(), new ClaimedReminder("counter", key, "alarm", dueNow, 1), CancellationToken.None);

        Assert.False(delivered);
        var snapshot = await node.Runtime().ReadAsync(node.Counter(), key, CancellationToken.None);
        Assert.Equal(0, snapshot.State.AlarmsFired);
        Assert.Equal(1, await CountAsync("select count(*) from reminders where grain_key = 'rescheduled' and attempt = 0"));
    }

    [Fact]
    public async Task A_reminder_fires_by_the_database_clock_not_the_nodes()
    {
        await using var node = TestNode.Create(database, "rem:");
        var key = new GrainKey("tenant-clock", "future");
        await node.Runtime().SendAsync(node.Counter(), key, new ScheduleAlarm(DateTimeOffset.UtcNow.AddMinutes(10)), CancellationToken.None);

        var claimed = await node.GetRequiredService<ReminderScanner>().ScanOnceAsync(CancellationToken.None);
        Assert.Equal(0, claimed);

        // Moving the due time into the database's past is what makes it due.
        await ExecuteAsync("update reminders set due_at = now() - interval '1 second' where grain_key = 'future'");
        Assert.Equal(1, await node.GetRequiredService<ReminderScanner>().ScanOnceAsync(CancellationToken.None));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
    }
}
