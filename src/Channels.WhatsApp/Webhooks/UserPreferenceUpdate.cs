namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary><c>user_preferences</c>: the customer stopped (<c>stop</c>) or resumed (<c>resume</c>) marketing messages.</summary>
public sealed record UserPreferenceUpdate(
    WebhookOrigin Origin,
    string? WaId,
    string? UserId,
    string? Category,
    string? Value,
    string? Detail,
    DateTimeOffset? Timestamp,
    string RawJson) : WebhookEvent(Origin, RawJson);
