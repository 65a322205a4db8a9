using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Switchboard.Storage.Redis;

namespace Switchboard.Delivery.Pacing;

/// <summary>
/// GCRA in one Lua script per take, timed by Redis's own clock (<c>TIME</c>), so every node
/// paces against the same clock however skewed its own is. The key holds the theoretical
/// arrival time in microseconds.
/// </summary>
public sealed partial class RedisRateLimiter(RedisConnection connection, ILogger<RedisRateLimiter> logger) : IRateLimiter
{
    // ARGV: interval µs, tolerance µs (interval × (burst − 1)), count.
    // Returns {allowed (0/1), retry_after µs}.
    private const string Script =
        """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local tolerance = tonumber(ARGV[2])
        local count = tonumber(ARGV[3])
        local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tat < now then tat = now end
        local last = tat + interval * (count - 1)
        if last - now > tolerance then
          return {0, last - now - tolerance}
        end
        local new_tat = tat + interval * count
        redis.call('SET', KEYS[1], string.format('%d', new_tat), 'PX', math.ceil((new_tat - now) / 1000) + 1)
        return {1, 0}
        """;

    public async Task<RateLimitDecision> TryTakeAsync(string key, RateLimit limit, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var intervalMicros = (long)Math.Ceiling(1_000_000 / limit.PerSecond);
        var toleranceMicros = intervalMicros * Math.Max(0, limit.Burst - 1);
        try
        {
            var multiplexer = await connection.GetAsync();
            if (!multiplexer.IsConnected)
            {
                return new RateLimitDecision(false, TimeSpan.FromSeconds(1), Unavailable: true);
            }

            var result = (RedisResult[])(await multiplexer.GetDatabase()
                .ScriptEvaluateAsync(Script, [connection.Prefix + "rate:" + key], [intervalMicros, toleranceMicros, count])
                .WaitAsync(cancellationToken))!;
            var allowed = (long)result[0] == 1;
            return allowed ? RateLimitDecision.Allow : new RateLimitDecision(false, TimeSpan.FromTicks((long)result[1] * 10));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogUnavailable(logger, key, ex);
            return new RateLimitDecision(false, TimeSpan.FromSeconds(1), Unavailable: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limiter unavailable for {Key}; failing closed")]
    private static partial void LogUnavailable(ILogger logger, string key, Exception exception);
}
