using Switchboard.Grains.Abstractions;

namespace Switchboard.Runtime.Grains;

/// <summary>What a turn did. Exactly one of: committed events, a rejection, or a duplicate.</summary>
public sealed record TurnOutcome<TState, TEvent>(
    TState State,
    long Version,
    IReadOnlyList<CommittedEvent<TEvent>> Events,
    Rejection? Rejection,
    bool Duplicate)
{
    public bool IsRejected => Rejection is not null;
}

/// <summary>An event as committed: its id, the grain's sequence number for it, and when.</summary>
public sealed record CommittedEvent<TEvent>(Guid EventId, long Sequence, TEvent Event);
