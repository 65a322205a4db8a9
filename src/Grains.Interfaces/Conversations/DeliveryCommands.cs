using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>The silo's send was accepted by the provider, which named it <paramref name="ProviderMessageId"/>.</summary>
public sealed record RecordSent(string MessageId, string ProviderMessageId) : ConversationCommand;

/// <summary>
/// The silo's send failed. <paramref name="Reason"/> overrides the explanation the grain
/// derives from <paramref name="Error"/> (use it for failures that are not the provider's).
/// </summary>
public sealed record RecordSendFailed(string MessageId, ProviderError? Error = null, string? Reason = null) : ConversationCommand;

/// <summary>
/// A status webhook: sent, delivered, read, played or failed (with the provider's error).
/// Statuses arrive at least once and in any order; the grain only moves forward.
/// </summary>
public sealed record ApplyStatus(
    string ProviderMessageId,
    MessageStatus Status,
    DateTimeOffset? ProviderTimestamp = null,
    ProviderError? Error = null) : ConversationCommand;
