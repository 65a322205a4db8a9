using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>The run topology on a Redis of its own, which its tests kill and restart.</summary>
public sealed class RedisFaultCluster : ClusterFixture
{
    public RedisServer Redis { get; private set; } = null!;

    protected override async Task<string> RedisConfigurationAsync()
    {
        Redis = await RedisServer.StartAsync();
        return Redis.Configuration;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
