using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// A message from a customer, mapped into the product's message model. Types the model has no shape
/// for arrive as <see cref="UnsupportedContent"/> and keep their raw JSON: stored and shown, never dropped.
/// </summary>
/// <param name="ProviderMessageId">The wamid; the key for de-duplication, read receipts, replies and reactions.</param>
/// <param name="From">The customer's wa_id (digits, no '+'); null for users known only by a business-scoped id (2026).</param>
/// <param name="FromUserId">The business-scoped user id (BSUID), when present.</param>
/// <param name="ProfileName">The customer's profile name from <c>contacts[]</c>.</param>
/// <param name="Timestamp">When the customer sent it (Meta's unix seconds); null if missing or unreadable.</param>
/// <param name="ProviderType">Meta's <c>type</c> verbatim (text, image, interactive, unsupported, …).</param>
/// <param name="Errors">Errors Meta attached (unsupported types, media too large to fetch).</param>
public sealed record InboundMessage(
    WebhookOrigin Origin,
    string ProviderMessageId,
    string? From,
    string? FromUserId,
    string? ProfileName,
    string? ProfileUsername,
    DateTimeOffset? Timestamp,
    string ProviderType,
    MessageContent Content,
    InboundContext? Context,
    InboundReferral? Referral,
    IReadOnlyList<ProviderError> Errors,
    string RawJson) : WebhookEvent(Origin, RawJson);
