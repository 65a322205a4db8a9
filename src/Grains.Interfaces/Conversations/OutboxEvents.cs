using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The outbox's own bookkeeping. Agents never see these: they change no timeline, row or screen,
/// and take no number of the conversation's <see cref="ConversationState.Sequence"/>.
/// </summary>
public abstract record OutboxEvent : ConversationEvent;

public sealed record SendAttemptStarted(string MessageId, int Attempt, DateTimeOffset At) : OutboxEvent;

public sealed record SendRetryScheduled(string MessageId, DateTimeOffset RetryAt, string Reason, bool OutcomeUnknown) : OutboxEvent;

public sealed record ReadReceiptSettled(string ProviderMessageId) : OutboxEvent;

public sealed record ReadReceiptRetryScheduled(string ProviderMessageId, DateTimeOffset RetryAt) : OutboxEvent;

/// <summary>A customer message waits in the inbound queue (for its media, or behind one that does).</summary>
public sealed record InboundHeldBack(PendingInbound Pending) : OutboxEvent;

/// <summary>A waiting message's media is in our store now.</summary>
public sealed record InboundMediaCopied(string MessageId, MediaRef Media) : OutboxEvent;

public sealed record InboundMediaRetryScheduled(string MessageId, DateTimeOffset RetryAt, string Reason) : OutboxEvent;

/// <summary>A waiting message's media could not be copied; it is shown without our copy.</summary>
public sealed record InboundMediaAbandoned(string MessageId, string Reason) : OutboxEvent;
