namespace Switchboard.Grains.Conversations;

/// <summary>
/// A message to the customer is ready to go: it joins the outbox and is handed to the provider in turn. Status <c>queued</c>.
/// <paramref name="HumanAgentTag"/>: send it with the channel's human-agent tag (Messenger).
/// </summary>
public sealed record MessageQueued(MessageRecord Message, QueueOrigin Origin = QueueOrigin.Immediate, bool HumanAgentTag = false) : ConversationEvent;

/// <summary>A free-form message waits for the customer to reopen the window. Status <c>held</c>.</summary>
public sealed record MessageHeld(MessageRecord Message) : ConversationEvent;

public sealed record HeldMessageCancelled(string MessageId, MessageAuthor By, DateTimeOffset At) : ConversationEvent;
