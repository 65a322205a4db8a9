using System.Collections.Concurrent;
using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Runtime.Events;
using Switchboard.Runtime.Outbox;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_a_node_dies_after_commit(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Events_committed_by_a_killed_process_are_published_on_recovery()
    {
        const int turns = 25;
        var prefix = "crash-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var survivor = TestNode.Create(database, prefix);
        var received = new ConcurrentDictionary<Guid, EventEnvelope>();
        await using var subscription = await survivor.GetRequiredService<IEventBus>()
            .SubscribeAsync(e => { received.TryAdd(e.EventId, e); return Task.CompletedTask; }, CancellationToken.None);

        // A separate process commits turns and is killed before its publisher ever runs.
        using var probe = CrashProbe.Start(database.ConnectionString, prefix, turns);
        await probe.WaitForLineAsync($"committed {turns}");
        probe.Kill();

        Assert.Equal(turns, await CountAsync("select count(*) from grain_events where tenant_id = 'tenant-crash' and not published"));
        Assert.Empty(received);

        await survivor.GetRequiredService<OutboxRelay>().RelayOnceAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => Task.FromResult(received.Count == turns), what: "relayed events to arrive");
        Assert.Equal(Enumerable.Range(1, turns).Select(i => (long)i), received.Values.Select(e => e.Sequence).Order());
        Assert.Equal(0, await CountAsync("select count(*) from grain_events where tenant_id = 'tenant-crash' and not published"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
