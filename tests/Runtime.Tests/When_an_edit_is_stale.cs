using Switchboard.Grains.Abstractions;
using Switchboard.Testing;

namespace Switchboard.Runtime.Tests;

/// <summary>Optimistic edits (failure mode 4): a command sent from a view of an older version changes nothing.</summary>
public sealed class When_an_edit_is_stale(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_command_expecting_an_older_version_is_rejected_and_changes_nothing()
    {
        await using var node = TestNode.Create(database, "stale:");
        var key = new GrainKey("tenant-stale", "edited-twice");
        await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);
        await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);

        var stale = await node.Runtime().SendAsync(node.Counter(), key, new Increment(), expectedVersion: 1, CancellationToken.None);

        Assert.Equal("stale_version", stale.Rejection?.Code);
        Assert.Equal(2L, stale.Rejection?.Details?["currentVersion"]);
        var snapshot = await node.Runtime().ReadAsync(node.Counter(), key, CancellationToken.None);
        Assert.Equal((2L, 2), (snapshot.Version, snapshot.State.Count));
    }

    [Fact]
    public async Task A_command_expecting_the_current_version_is_applied()
    {
        await using var node = TestNode.Create(database, "stale:");
        var key = new GrainKey("tenant-stale", "edited-once");
        await node.Runtime().SendAsync(node.Counter(), key, new Increment(), CancellationToken.None);

        var outcome = await node.Runtime().SendAsync(node.Counter(), key, new Increment(), expectedVersion: 1, CancellationToken.None);

        Assert.Null(outcome.Rejection);
        Assert.Equal(2, outcome.Version);
    }
}
