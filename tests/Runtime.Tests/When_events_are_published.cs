using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Switchboard.Grains.Abstractions;
using Switchboard.Runtime.Events;
using Switchboard.Runtime.Outbox;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_events_are_published(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_committed_event_reaches_a_subscriber_on_another_node_and_is_marked_published()
    {
        var prefix = "bus-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var writer = TestNode.Create(database, prefix);
        await using var reader = TestNode.Create(database, prefix);
        var received = new ConcurrentQueue<EventEnvelope>();
        await using var subscription = await reader.GetRequiredService<IEventBus>()
            .SubscribeAsync(e => { received.Enqueue(e); return Task.CompletedTask; }, CancellationToken.None);
        var publisher = writer.GetRequiredService<OutboxPublisher>();
        await ((IHostedService)publisher).StartAsync(CancellationToken.None);

        var outcome = await writer.Runtime().SendAsync(writer.Counter(), new GrainKey("tenant-bus", "published"), new Increment(), CancellationToken.None);

        var envelope = await Eventually.ValueAsync(() => Task.FromResult(received.FirstOrDefault()), e => e is not null, what: "the event on the bus");
        Assert.Equal(outcome.Events[0].EventId, envelope!.EventId);
        Assert.Equal("Incremented", envelope.Type);
        Assert.Equal(1, envelope.Payload.GetProperty("count").GetInt32());
        await Eventually.TrueAsync(async () =>
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var command = new Npgsql.NpgsqlCommand("select published from grain_events where event_id = $1", connection);
            command.Parameters.Add(new() { Value = envelope.EventId });
            return (bool)(await command.ExecuteScalarAsync())!;
        }, what: "the event to be marked published");
        await ((IHostedService)publisher).StopAsync(CancellationToken.None);
    }
}
