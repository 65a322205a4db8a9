namespace Switchboard.Grains.Conversations;

public sealed record BotStarted(string FlowId, string StepId, DateTimeOffset At, DateTimeOffset? WaitingUntil = null) : ConversationEvent;

public sealed record BotAdvanced(string StepId, DateTimeOffset At, DateTimeOffset? WaitingUntil = null) : ConversationEvent;

/// <summary>The step waited for the customer in vain; the bot runner decides what follows.</summary>
public sealed record BotTimedOut(string FlowId, string StepId, DateTimeOffset At) : ConversationEvent;

/// <summary>The bot stopped; humans have the conversation.</summary>
public sealed record BotExited(string FlowId, MessageAuthor By, DateTimeOffset At, string? Reason = null) : ConversationEvent;
