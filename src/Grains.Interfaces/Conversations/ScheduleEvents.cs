namespace Switchboard.Grains.Conversations;

public sealed record MessageScheduled(ScheduledMessage Message) : ConversationEvent;

public sealed record ScheduledMessageCancelled(string MessageId, MessageAuthor By, DateTimeOffset At) : ConversationEvent;

/// <summary>A scheduled message could not go (window closed, no fallback): the record is failed with the reason.</summary>
public sealed record ScheduledMessageFailed(MessageRecord Message) : ConversationEvent;
