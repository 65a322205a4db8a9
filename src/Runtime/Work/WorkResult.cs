namespace Switchboard.Runtime.Work;

/// <summary>How a handler ended: done, try again later, or give up (the item is kept, marked dead).</summary>
public abstract record WorkResult
{
    public static WorkResult Done { get; } = new Completed();

    public static WorkResult RetryAfter(TimeSpan delay, string reason) => new Retry(delay, reason);

    public static WorkResult GiveUp(string reason) => new Dead(reason);

    public sealed record Completed : WorkResult;

    public sealed record Retry(TimeSpan Delay, string Reason) : WorkResult;

    public sealed record Dead(string Reason) : WorkResult;
}
