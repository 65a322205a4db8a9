using System.Text.Json.Serialization;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// Who a conversation is between: one per (tenant, channel, customer). <paramref name="ContactId"/>
/// is the customer's address on the channel (the wa_id on WhatsApp). Commands that may be the
/// first a conversation ever sees carry it, so a brand-new grain can initialise itself.
/// </summary>
public sealed record ConversationIdentity(string TenantId, string ChannelId, ChannelType ChannelType, string ContactId)
{
    [JsonIgnore]
    public ConversationKey Key => ConversationKey.Of(this);
}
