using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// One message to send. For a <see cref="ReactionContent"/>, <c>TargetMessageId</c> must be the
/// provider's wamid (callers translate their own message id first).
/// </summary>
/// <param name="To">Recipient phone number (E.164 with or without '+') or wa_id.</param>
/// <param name="Content">Any outbound type of the message model.</param>
/// <param name="ReplyToProviderMessageId">The wamid to quote (<c>context.message_id</c>); ignored for reactions, which cannot quote.</param>
/// <param name="CallbackData">Echoed back by Meta in status webhooks as biz_opaque_callback_data (≤ 512 characters).</param>
public sealed record OutboundMessage(
    string To,
    MessageContent Content,
    string? ReplyToProviderMessageId = null,
    string? CallbackData = null);
