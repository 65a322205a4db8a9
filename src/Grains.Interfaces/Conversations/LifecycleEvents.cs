namespace Switchboard.Grains.Conversations;

/// <summary>The conversation's first event: who it is between.</summary>
public sealed record ConversationStarted(ConversationIdentity Identity, DateTimeOffset At) : ConversationEvent;

/// <summary>Open, pending, resolved or snoozed (until <paramref name="SnoozedUntil"/>).</summary>
public sealed record ConversationStatusChanged(
    ConversationStatus Status,
    ConversationStatus Previous,
    MessageAuthor By,
    DateTimeOffset At,
    DateTimeOffset? SnoozedUntil = null) : ConversationEvent;
