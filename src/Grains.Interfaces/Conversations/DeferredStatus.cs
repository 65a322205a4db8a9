using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// A provider status for a provider message id the conversation does not know yet (the status
/// webhook beat the send response). Applied when the send is recorded, discarded after a bound.
/// </summary>
public sealed record DeferredStatus(
    string ProviderMessageId,
    MessageStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProviderTimestamp = null,
    ProviderError? Error = null);
