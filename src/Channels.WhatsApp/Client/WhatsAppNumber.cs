namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// The business number a call acts for, with its credentials. Passed per call because one process
/// serves many tenants' numbers; the base URL points at the Graph API or at the emulator.
/// </summary>
/// <param name="PhoneNumberId">Meta's phone-number id (digits), not the phone number.</param>
/// <param name="WabaId">The WhatsApp Business Account id; needed for template management.</param>
/// <param name="AccessToken">Bearer token. Never logged.</param>
/// <param name="GraphBaseUrl">e.g. https://graph.facebook.com; null uses <see cref="WhatsAppClientOptions.DefaultGraphBaseUrl"/>.</param>
/// <param name="ApiVersion">e.g. v21.0; null uses <see cref="WhatsAppClientOptions.DefaultApiVersion"/>.</param>
public sealed record WhatsAppNumber(
    string PhoneNumberId,
    string? WabaId,
    string AccessToken,
    Uri? GraphBaseUrl = null,
    string? ApiVersion = null)
{
    // Keeps the token out of logs and exception messages that print the record.
    public override string ToString() => $"WhatsAppNumber {{ PhoneNumberId = {PhoneNumberId}, WabaId = {WabaId}, GraphBaseUrl = {GraphBaseUrl}, ApiVersion = {ApiVersion} }}";
}
