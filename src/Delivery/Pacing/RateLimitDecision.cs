namespace Switchboard.Delivery.Pacing;

/// <summary>
/// The limiter's answer. <see cref="Unavailable"/> means the limiter could not be asked
/// (Redis down): callers fail closed and treat it as "not now".
/// </summary>
public sealed record RateLimitDecision(bool Allowed, TimeSpan RetryAfter, bool Unavailable = false)
{
    public static RateLimitDecision Allow { get; } = new(true, TimeSpan.Zero);
}
