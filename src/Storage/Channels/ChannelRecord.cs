using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Grains.Conversations;

namespace Switchboard.Storage.Channels;

/// <summary>A sending number with its secrets, as the cluster uses it. Never serialised to clients.</summary>
public sealed record ChannelRecord(
    string TenantId,
    string Id,
    string Type,
    string Name,
    string DisplayPhoneNumber,
    string PhoneNumberId,
    string WabaId,
    string AccessToken,
    string AppSecret,
    string VerifyToken,
    string GraphBaseUrl,
    string GraphVersion,
    string Status,
    int ThroughputPerSecond)
{
    public bool IsHealthy => Status == "healthy";

    public ChannelType ChannelType => Type switch
    {
        "messenger" => ChannelType.Messenger,
        "instagram" => ChannelType.Instagram,
        _ => ChannelType.WhatsApp,
    };

    public WhatsAppNumber ToWhatsAppNumber() => new(PhoneNumberId, WabaId, AccessToken, new Uri(GraphBaseUrl), GraphVersion);

    // Secrets stay out of logs and exception messages.
    public override string ToString() => $"Channel {Id} ({Type} {DisplayPhoneNumber}, tenant {TenantId})";
}
