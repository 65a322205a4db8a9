using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Grains.Timers;

namespace Switchboard.Api.Hosting;

/// <summary>Ready only while a call reaches a grain and comes back: the cluster has a silo for this node.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The sweepers are always wanted, so asking one to keep alive is a harmless round trip.
            await grains.GetGrain<IDueTimeSweeperGrain>(0).KeepAlive().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("No silo answers", ex);
        }
    }
}
