namespace Switchboard.Grains.Conversations;

/// <summary>A line for agents only (direction System): window closed, transfer, bot exited… Never sent to the customer.</summary>
public sealed record SystemMessageAdded(MessageRecord Message) : ConversationEvent;

/// <summary>An internal note (direction Note).</summary>
public sealed record NoteAdded(MessageRecord Note) : ConversationEvent;
