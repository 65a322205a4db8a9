namespace Switchboard.Delivery.Pacing;

/// <summary>Shared pacing across every node (per sending number, per API key…), measured by one clock.</summary>
public interface IRateLimiter
{
    /// <summary>Takes <paramref name="count"/> permits at once, or none.</summary>
    Task<RateLimitDecision> TryTakeAsync(string key, RateLimit limit, int count, CancellationToken cancellationToken);
}
