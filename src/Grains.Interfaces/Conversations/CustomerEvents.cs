namespace Switchboard.Grains.Conversations;

/// <summary>The customer's message, recorded once (the storage drops repeats by provider id).</summary>
public sealed record MessageReceived(MessageRecord Message) : ConversationEvent;

/// <summary>The window opened or was extended: free-form messages may go out until <paramref name="ExpiresAt"/>.</summary>
public sealed record WindowOpened(DateTimeOffset LastInboundAt, DateTimeOffset ExpiresAt) : ConversationEvent;

/// <summary>The window closed at <paramref name="ClosedAt"/>: only templates may go out until the customer writes.</summary>
public sealed record WindowClosed(DateTimeOffset ClosedAt) : ConversationEvent;

/// <summary>
/// An agent read the conversation. <paramref name="LatestInboundProviderMessageId"/> is what the
/// grain marks as read at the provider (which marks the earlier ones too).
/// </summary>
public sealed record ConversationRead(string AgentId, DateTimeOffset At, string? LatestInboundProviderMessageId = null) : ConversationEvent;
