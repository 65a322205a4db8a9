using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>The provider accepted the send and named the message <paramref name="ProviderMessageId"/>.</summary>
public sealed record RecordSent(string MessageId, string ProviderMessageId) : ConversationCommand;

/// <summary>
/// The send failed for good. <paramref name="Reason"/> overrides the explanation the grain
/// derives from <paramref name="Error"/> (use it for failures that are not the provider's).
/// </summary>
public sealed record RecordSendFailed(string MessageId, ProviderError? Error = null, string? Reason = null) : ConversationCommand;

/// <summary>
/// A status webhook: sent, delivered, read, played or failed (with the provider's error).
/// Statuses arrive at least once and in any order; the grain only moves forward.
/// <paramref name="MessageId"/> is our id as the provider echoes it (<c>biz_opaque_callback_data</c>):
/// it names a message whose send outcome was never recorded (the sender died mid-request).
/// </summary>
public sealed record ApplyStatus(
    string ProviderMessageId,
    MessageStatus Status,
    DateTimeOffset? ProviderTimestamp = null,
    ProviderError? Error = null,
    string? MessageId = null) : ConversationCommand;
