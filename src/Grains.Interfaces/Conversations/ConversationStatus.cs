namespace Switchboard.Grains.Conversations;

/// <summary>Where a conversation stands in the agents' workflow (the inbox views filter on it).</summary>
public enum ConversationStatus
{
    Open,
    Pending,
    Resolved,

    /// <summary>Put aside until <see cref="ConversationState.SnoozedUntil"/>; reopens then, or when the customer writes.</summary>
    Snoozed,
}
