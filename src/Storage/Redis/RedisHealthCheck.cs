using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;


namespace Switchboard.Storage.Redis;

/// <summary>Ready only when Redis answers PING.</summary>
public sealed class RedisHealthCheck(RedisConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await connection.GetAsync();
            await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis unreachable", ex);
        }
    }
}
