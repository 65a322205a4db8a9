using Switchboard.Channels.WhatsApp.Client;

namespace Switchboard.Channels.WhatsApp.Tests.Emulator;

/// <summary>A business number registered with the emulator, and the credentials the product would hold for it.</summary>
public sealed record TestNumber(string PhoneNumberId, string WabaId, string DisplayPhoneNumber, string AccessToken, string AppSecret, Uri GraphBaseUrl)
{
    public WhatsAppNumber Credentials => new(PhoneNumberId, WabaId, AccessToken, GraphBaseUrl, "v21.0");
}
