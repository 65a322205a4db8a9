using Switchboard.Cluster.Identity;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;

namespace Switchboard.Cluster.Conversations;

/// <summary>
/// How a conversation is found. Its public id and its contact's id are derived from who it is
/// between, so webhook ingestion reaches the right grain without a lookup and two nodes
/// ingesting the customer's first message at once agree on both ids.
/// </summary>
public static class ConversationAddress
{
    public static string ConversationId(ConversationIdentity identity) =>
        Ids.Derived("cv", identity.TenantId, identity.ChannelId, identity.ContactId);

    /// <summary>The public id of the conversation a grain key ("channel/customer") names.</summary>
    public static string ConversationId(GrainKey key)
    {
        var slash = key.Id.IndexOf('/', StringComparison.Ordinal);
        return Ids.Derived("cv", key.TenantId, key.Id[..slash], key.Id[(slash + 1)..]);
    }

    /// <summary>The contact row of a WhatsApp customer: their number in E.164.</summary>
    public static string ContactId(string tenantId, string waId) => Ids.Contact(tenantId, PhoneNumber(waId));

    /// <summary>wa_ids are digits without '+'; contacts store E.164.</summary>
    public static string PhoneNumber(string waId) => "+" + waId.TrimStart('+');

    public static GrainKey GrainKey(string tenantId, string grainKey) => new(tenantId, grainKey);
}
