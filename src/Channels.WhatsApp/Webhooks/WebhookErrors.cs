using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>Errors reported for the number as a whole (value-level <c>errors[]</c>), not tied to one message.</summary>
public sealed record WebhookErrors(WebhookOrigin Origin, IReadOnlyList<ProviderError> Errors, string RawJson) : WebhookEvent(Origin, RawJson);
