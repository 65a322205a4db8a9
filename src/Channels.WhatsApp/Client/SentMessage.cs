namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// Meta accepted a message (HTTP 200). Only "accepted": delivery is reported later by status webhooks
/// keyed by <see cref="MessageId"/>.
/// </summary>
/// <param name="MessageId">The wamid; opaque, up to 128 characters.</param>
/// <param name="MessageStatus">Template pacing: accepted, held_for_quality_assessment or paused; null when absent.</param>
/// <param name="RecipientWaId">The recipient's WhatsApp id, when returned.</param>
/// <param name="RecipientInput">The recipient exactly as sent.</param>
public sealed record SentMessage(string MessageId, string? MessageStatus = null, string? RecipientWaId = null, string? RecipientInput = null);
