namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// Where an event came from: the entry (WABA id, and time for account-level fields) and the change
/// (field and, for message fields, the business number). Route by <see cref="PhoneNumberId"/>.
/// </summary>
public sealed record WebhookOrigin(
    string? WabaId,
    string Field,
    string? PhoneNumberId = null,
    string? DisplayPhoneNumber = null,
    DateTimeOffset? EntryTime = null);
