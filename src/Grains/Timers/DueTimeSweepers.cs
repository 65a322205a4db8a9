using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Switchboard.Grains.Timers;

/// <summary>
/// Keeps every due-time sweeper running: each silo asks each of them to stay alive every few
/// seconds. When a sweeper's silo dies, the ask fails until the cluster has declared that silo dead,
/// and the next one activates the sweeper on a live silo: the hand-over takes the failure-detection
/// time plus one interval. Its reminder is the slower second line.
/// </summary>
public sealed partial class DueTimeSweepers(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<DueTimeSweeperOptions> options,
    TimeProvider time,
    ILogger<DueTimeSweepers> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not before the silo has joined the cluster (the host has started every service, Orleans' included).
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.WhenAll(Enumerable.Range(0, options.Value.Shards).Select(shard => KeepAliveAsync(shard, stoppingToken)));
            await Task.Delay(options.Value.KeepAliveInterval, time, stoppingToken);
        }
    }

    private async Task KeepAliveAsync(int shard, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IDueTimeSweeperGrain>(shard).KeepAlive().WaitAsync(options.Value.KeepAliveInterval * 5, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogKeepAliveFailed(logger, shard, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Due-time sweeper {Shard} did not answer ({Error}: {Detail}); asking again shortly")]
    private static partial void LogKeepAliveFailed(ILogger logger, int shard, string error, string detail);
}
