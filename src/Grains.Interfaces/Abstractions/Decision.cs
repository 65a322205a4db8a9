namespace Switchboard.Grains.Abstractions;

/// <summary>What a decider answers: the events to commit, or a typed rejection that changes nothing.</summary>
public readonly struct Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, Rejection? rejection)
    {
        Events = events;
        Rejection = rejection;
    }

    public IReadOnlyList<TEvent> Events { get; }

    public Rejection? Rejection { get; }

    public bool IsRejected => Rejection is not null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);

    public static Decision<TEvent> Accept(IReadOnlyList<TEvent> events) => new(events, null);

    /// <summary>Accepted, but nothing changes (an idempotent repeat, a stale timer).</summary>
    public static Decision<TEvent> Nothing => new([], null);

    public static Decision<TEvent> Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision<TEvent>(Rejection rejection) => Reject(rejection);
}
