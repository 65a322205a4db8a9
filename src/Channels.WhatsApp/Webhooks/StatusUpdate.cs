using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// A status of an outbound message. Arrives at least once and in any order: apply forward-only.
/// <see cref="Status"/> is Meta's value verbatim; <see cref="KnownStatus"/> is null for values this
/// library does not know yet (the enum is open on Meta's side).
/// </summary>
public sealed record StatusUpdate(
    WebhookOrigin Origin,
    string ProviderMessageId,
    string Status,
    MessageStatus? KnownStatus,
    DateTimeOffset? Timestamp,
    string? RecipientId,
    string? RecipientUserId,
    string? BizOpaqueCallbackData,
    StatusConversation? Conversation,
    StatusPricing? Pricing,
    IReadOnlyList<ProviderError> Errors,
    string RawJson) : WebhookEvent(Origin, RawJson);
