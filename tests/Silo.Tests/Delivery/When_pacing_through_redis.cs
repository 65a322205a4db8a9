using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Delivery.Pacing;
using Switchboard.Storage.Redis;
using Switchboard.Testing;

namespace Switchboard.Silo.Tests.Delivery;

/// <summary>The per-number limiter every silo shares: GCRA in Redis, by Redis's clock.</summary>
public sealed class When_pacing_through_redis
{
    [Fact]
    public async Task A_burst_is_allowed_and_the_next_take_waits_one_interval()
    {
        await using var node = new Node("rate-" + Guid.NewGuid().ToString("N")[..8] + ":");
        var limiter = node.Limiter;
        var limit = new RateLimit(PerSecond: 10, Burst: 5);

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 6; i++)
        {
            decisions.Add(await limiter.TryTakeAsync("number-1", limit, 1, CancellationToken.None));
        }

        Assert.All(decisions.Take(5), d => Assert.True(d.Allowed));
        Assert.False(decisions[5].Allowed);
        Assert.InRange(decisions[5].RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Two_nodes_share_one_budget()
    {
        var prefix = "rate-" + Guid.NewGuid().ToString("N")[..8] + ":";
        await using var nodeA = new Node(prefix);
        await using var nodeB = new Node(prefix);
        var limit = new RateLimit(PerSecond: 1, Burst: 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? nodeA : nodeB).Limiter.TryTakeAsync("shared-number", limit, 1, CancellationToken.None)));

        Assert.Equal(10, results.Count(r => r.Allowed));
    }

    [Fact]
    public async Task A_take_of_several_permits_is_all_or_nothing()
    {
        await using var node = new Node("rate-" + Guid.NewGuid().ToString("N")[..8] + ":");
        var limiter = node.Limiter;
        var limit = new RateLimit(PerSecond: 1, Burst: 10);

        Assert.True((await limiter.TryTakeAsync("bulk", limit, 8, CancellationToken.None)).Allowed);
        Assert.False((await limiter.TryTakeAsync("bulk", limit, 3, CancellationToken.None)).Allowed);
        Assert.True((await limiter.TryTakeAsync("bulk", limit, 2, CancellationToken.None)).Allowed);
    }

    [Fact]
    public async Task With_redis_unreachable_the_limiter_fails_closed()
    {
        await using var node = new Node("rate:", redisConfiguration: "127.0.0.1:1");
        var decision = await node.Limiter.TryTakeAsync("number", new RateLimit(100, 100), 1, CancellationToken.None);

        Assert.False(decision.Allowed);
        Assert.True(decision.Unavailable);
    }

    /// <summary>One silo's limiter: its own connection to Redis, as a separate process would have.</summary>
    private sealed class Node(string prefix, string? redisConfiguration = null) : IAsyncDisposable
    {
        private readonly RedisConnection connection = new(Options.Create(new RedisOptions
        {
            Configuration = redisConfiguration ?? TestEnvironment.RedisConfiguration,
            Prefix = prefix,
        }));

        public IRateLimiter Limiter => new RedisRateLimiter(connection, NullLogger<RedisRateLimiter>.Instance);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
