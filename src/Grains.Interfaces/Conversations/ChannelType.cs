using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>The kind of messaging channel a conversation runs on; each has its own <see cref="ChannelPolicy"/>.</summary>
public enum ChannelType
{
    [JsonStringEnumMemberName("whatsapp")]
    WhatsApp,

    [JsonStringEnumMemberName("messenger")]
    Messenger,

    [JsonStringEnumMemberName("instagram")]
    Instagram,
}
