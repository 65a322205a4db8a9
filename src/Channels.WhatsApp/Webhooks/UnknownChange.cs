namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// A change this library has no typed view of (another webhook field, new keys in a value, an
/// entry without changes): kept whole so it can be stored and looked at, never dropped.
/// </summary>
public sealed record UnknownChange(WebhookOrigin Origin, string Reason, string RawJson) : WebhookEvent(Origin, RawJson);
