namespace Switchboard.Api.Hosting;

/// <summary>
/// An Api node may start before any silo (they start together): it keeps looking for gateways in
/// the membership table until one answers, instead of giving up after Orleans' default fifteen tries.
/// </summary>
public sealed partial class ClusterConnectionRetry(TimeProvider time, ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private int attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested || exception is not (OrleansException or TimeoutException))
        {
            return false;
        }

        if (++attempts % 10 == 1)
        {
            LogWaiting(logger, attempts, exception.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No silo answers yet (attempt {Attempt}: {Reason}); waiting for the cluster")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}
