using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

// The conversation grain's own bookkeeping of its outbox: the grain shell issues these around
// the requests it makes to the provider, and each one is a turn like any other.

/// <summary>The head of the send queue is about to be handed to the provider: record the attempt first.</summary>
public sealed record BeginSendAttempt(string MessageId) : ConversationCommand;

/// <summary>
/// The attempt did not settle the message: try again at <paramref name="RetryAt"/>. With
/// <paramref name="OutcomeUnknown"/> the request may have reached the provider (a timeout, a crash):
/// the grain tries again only a bounded number of times, then fails the message.
/// </summary>
public sealed record RecordSendRetry(string MessageId, DateTimeOffset RetryAt, string Reason, bool OutcomeUnknown = false) : ConversationCommand;

/// <summary>The read receipt for <paramref name="ProviderMessageId"/> was sent, or is not worth sending any more.</summary>
public sealed record RecordReadReceiptDone(string ProviderMessageId) : ConversationCommand;

/// <summary>Sending the read receipt failed for now; try again at <paramref name="RetryAt"/> (a few times at most).</summary>
public sealed record RecordReadReceiptRetry(string ProviderMessageId, DateTimeOffset RetryAt) : ConversationCommand;

/// <summary>The customer's media is in our store: <paramref name="Media"/> replaces the message's media reference.</summary>
public sealed record RecordMediaFetched(string MessageId, MediaRef Media) : ConversationCommand;

/// <summary>
/// The customer's media could not be copied: <paramref name="RetryAt"/> to try again, or null when it
/// is gone for good (the message is then shown without it).
/// </summary>
public sealed record RecordMediaFetchFailed(string MessageId, string Reason, DateTimeOffset? RetryAt = null) : ConversationCommand;
