using Switchboard.Grains.Conversations;

namespace Switchboard.Storage.Channels;

/// <summary>The stored and public names of channel types (the same as their JSON names).</summary>
public static class ChannelTypeNames
{
    public static string Of(ChannelType type) => type switch
    {
        ChannelType.WhatsApp => "whatsapp",
        ChannelType.Messenger => "messenger",
        ChannelType.Instagram => "instagram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
