using System.Text.Json.Serialization;
using Switchboard.Grains.Identity;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The one way to name a conversation grain: the tenant, the channel (a sending number) and the
/// customer's address on that channel (the wa_id on WhatsApp). Its text form
/// <c>tenant/channel/customer</c> is the Orleans grain key; no part may contain the separator, and
/// the tenant and channel ids carry a non-hex prefix, so no key is ever a bare phone number.
/// The public conversation and contact ids are derived from it: ingestion finds the grain of a
/// webhook without a look-up, and two nodes meeting a customer's first message agree on both ids.
/// </summary>
public readonly record struct ConversationKey
{
    private const char Separator = '/';

    public ConversationKey(string tenantId, string channelId, string customerAddress)
    {
        TenantId = Part(tenantId, nameof(tenantId));
        ChannelId = Part(channelId, nameof(channelId));
        CustomerAddress = Part(customerAddress, nameof(customerAddress));
    }

    public string TenantId { get; }

    public string ChannelId { get; }

    /// <summary>The customer on the channel: digits of the wa_id on WhatsApp, a page-scoped id on Messenger.</summary>
    public string CustomerAddress { get; }

    /// <summary>The conversation's public id (<c>cv_…</c>).</summary>
    [JsonIgnore]
    public string ConversationId => Ids.Derived("cv", TenantId, ChannelId, CustomerAddress);

    /// <summary>The contact row of the customer: one per tenant and phone number, whatever the channel.</summary>
    [JsonIgnore]
    public string ContactId => Ids.Contact(TenantId, PhoneNumber);

    /// <summary>wa_ids are digits without '+'; contacts store E.164.</summary>
    [JsonIgnore]
    public string PhoneNumber => "+" + CustomerAddress.TrimStart('+');

    public static ConversationKey Of(ConversationIdentity identity) => new(identity.TenantId, identity.ChannelId, identity.ContactId);

    public static ConversationKey Parse(string grainKey)
    {
        var parts = grainKey.Split(Separator);
        return parts.Length == 3
            ? new ConversationKey(parts[0], parts[1], parts[2])
            : throw new FormatException($"'{grainKey}' is not a conversation key (tenant/channel/customer).");
    }

    /// <summary>The Orleans grain key.</summary>
    public override string ToString() => string.Join(Separator, TenantId, ChannelId, CustomerAddress);

    private static string Part(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value.Contains(Separator, StringComparison.Ordinal)
            ? throw new ArgumentException($"A conversation key part may not contain '{Separator}': '{value}'.", name)
            : value;
    }
}
