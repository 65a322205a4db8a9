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

    [Fact]
    public async Task A_slow_subscriber_still_gets_each_grains_events_in_publish_order()
    {
        var prefix = "order-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var writer = TestNode.Create(database, prefix);
        await using var reader = TestNode.Create(database, prefix);
        var received = new ConcurrentQueue<EventEnvelope>();
        await using var subscription = await reader.GetRequiredService<IEventBus>().SubscribeAsync(
            async e =>
            {
                // Uneven handling time: a subscriber that ran events concurrently would reorder them.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 5)));
                received.Enqueue(e);
            },
            CancellationToken.None);
        var bus = writer.GetRequiredService<IEventBus>();
        var grains = new[] { "first", "second", "third" };
        const int PerGrain = 40;

        for (var sequence = 1; sequence <= PerGrain; sequence++)
        {
            foreach (var grain in grains)
            {
                await bus.PublishAsync(Envelope(grain, sequence), CancellationToken.None);
            }
        }

        await Eventually.TrueAsync(() => Task.FromResult(received.Count == grains.Length * PerGrain), what: "every event at the subscriber");
        foreach (var grain in grains)
        {
            Assert.Equal(Enumerable.Range(1, PerGrain).Select(i => (long)i), received.Where(e => e.GrainKey == grain).Select(e => e.Sequence));
        }
    }

    private static EventEnvelope Envelope(string grainKey, long sequence) => new(
        Guid.CreateVersion7(), "tenant-order", "counter", grainKey, sequence, "Incremented", DateTimeOffset.UtcNow,
        System.Text.Json.JsonSerializer.SerializeToElement(new { count = sequence }));
}
