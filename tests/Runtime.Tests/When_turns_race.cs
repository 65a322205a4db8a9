using Dapper;
using Switchboard.Grains.Abstractions;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

public sealed class When_turns_race(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Two_nodes_sending_1000_concurrent_increments_to_one_grain_end_at_exactly_1000()
    {
        await using var nodeA = TestNode.Create(database, "race:");
        await using var nodeB = TestNode.Create(database, "race:");
        var key = new GrainKey("tenant-race", "one-hot-counter");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            return Task.Run(() => node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None));
        }));

        var snapshot = await nodeA.Runtime().ReadAsync(nodeA.Counter(), key, CancellationToken.None);
        Assert.Equal(1000, snapshot.State.Count);
        Assert.Equal(1000, snapshot.Version);
    }

    [Fact]
    public async Task Concurrent_turns_on_two_nodes_leave_a_gap_free_version_history()
    {
        await using var nodeA = TestNode.Create(database, "race:");
        await using var nodeB = TestNode.Create(database, "race:");
        var key = new GrainKey("tenant-race", "history-counter");

        await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            return Task.Run(() => node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None));
        }));

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var history = (await connection.QueryAsync<(long Sequence, int Count)>(
            """
            select sequence, (payload->>'count')::int from grain_events
            where tenant_id = @TenantId and grain_key = @Id order by sequence
            """, new { key.TenantId, key.Id })).ToList();
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), history.Select(h => h.Sequence));
        // Each event saw the state the previous one left: the count climbs by one per version.
        Assert.All(history, h => Assert.Equal(h.Sequence, h.Count));
    }

    [Fact]
    public async Task The_first_turns_of_a_new_grain_on_two_nodes_at_once_are_both_applied()
    {
        await using var nodeA = TestNode.Create(database, "race:");
        await using var nodeB = TestNode.Create(database, "race:");
        for (var round = 0; round < 20; round++)
        {
            var key = new GrainKey("tenant-race", $"fresh-{round}");
            await Task.WhenAll(
                Task.Run(() => nodeA.Runtime().SendAsync(nodeA.Counter(), key, new Increment(), CancellationToken.None)),
                Task.Run(() => nodeB.Runtime().SendAsync(nodeB.Counter(), key, new Increment(), CancellationToken.None)));

            var snapshot = await nodeA.Runtime().ReadAsync(nodeA.Counter(), key, CancellationToken.None);
            Assert.Equal(2, snapshot.State.Count);
        }
    }

    [Fact]
    public async Task The_same_idempotent_command_from_two_nodes_takes_effect_once()
    {
        await using var nodeA = TestNode.Create(database, "race:");
        await using var nodeB = TestNode.Create(database, "race:");
        var key = new GrainKey("tenant-race", "idempotent-counter");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
        {
            var node = i % 2 == 0 ? nodeA : nodeB;
            return Task.Run(() => node.Runtime().SendAsync(node.Counter(), key, new IncrementOnce("provider-message-1"), CancellationToken.None));
        }));

        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.Equal(9, outcomes.Count(o => o.Duplicate));
        var snapshot = await nodeA.Runtime().ReadAsync(nodeA.Counter(), key, CancellationToken.None);
        Assert.Equal(1, snapshot.State.Count);
    }
}
