namespace Switchboard.Grains.Conversations;

/// <summary>A bot flow starts on the conversation; a step that waits for the customer gives <paramref name="WaitingUntil"/>.</summary>
public sealed record StartBot(string FlowId, string StepId, DateTimeOffset? WaitingUntil = null) : ConversationCommand;

/// <summary>The running bot moved to another step.</summary>
public sealed record AdvanceBot(string StepId, DateTimeOffset? WaitingUntil = null) : ConversationCommand;

/// <summary>The bot stops and humans take over at once: by an agent ("Exit bot") or by the bot itself (flow done, hand-off).</summary>
public sealed record ExitBot(MessageAuthor By, string? Reason = null) : ConversationCommand;
