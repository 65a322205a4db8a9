namespace Switchboard.Channels.WhatsApp.Errors;

/// <summary>
/// Whether trying again can help, and when. Delays grow by <see cref="BackoffMultiplier"/> from
/// <see cref="MinimumDelay"/> up to <see cref="MaximumDelay"/>; <see cref="MaxAttempts"/> counts all
/// tries including the first.
/// </summary>
public sealed record RetryAdvice(
    bool CanRetry,
    RetryScope Scope,
    string Reason,
    TimeSpan MinimumDelay = default,
    double BackoffMultiplier = 1,
    TimeSpan? MaximumDelay = null,
    int MaxAttempts = 1)
{
    public static RetryAdvice Never(RetryScope scope, string reason) => new(false, scope, reason);

    /// <summary>
    /// The delay to wait before try number <paramref name="attempt"/> (2 = the first retry), or null
    /// when no further try is advised.
    /// </summary>
    public TimeSpan? DelayBefore(int attempt)
    {
        if (!CanRetry || attempt < 2 || attempt > MaxAttempts)
        {
            return null;
        }

        var factor = Math.Pow(BackoffMultiplier, attempt - 2);
        var delay = TimeSpan.FromTicks((long)Math.Min(MinimumDelay.Ticks * factor, TimeSpan.MaxValue.Ticks / 2.0));
        return MaximumDelay is { } max && delay > max ? max : delay;
    }

    /// <summary>The same advice, but never sooner than <paramref name="hint"/> (from Retry-After or usage headers).</summary>
    public RetryAdvice AtLeast(TimeSpan? hint) =>
        CanRetry && hint is { } value && value > MinimumDelay
            ? this with { MinimumDelay = value, MaximumDelay = MaximumDelay is { } max && max < value ? value : MaximumDelay }
            : this;
}
