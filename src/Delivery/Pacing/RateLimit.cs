namespace Switchboard.Delivery.Pacing;

/// <summary>A sustained rate with a burst: at most <paramref name="Burst"/> at once, then <paramref name="PerSecond"/> per second.</summary>
public sealed record RateLimit(double PerSecond, int Burst = 1)
{
    public TimeSpan Interval => TimeSpan.FromTicks((long)(TimeSpan.TicksPerSecond / PerSecond));
}
