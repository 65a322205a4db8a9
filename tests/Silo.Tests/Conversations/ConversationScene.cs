using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>Commands as the Api and webhook ingestion build them, for a customer of a test tenant.</summary>
public static class ConversationScene
{
    public static ConversationIdentity Customer(string tenantId, string waId = "15550001111") =>
        new(tenantId, "ch_test", ChannelType.WhatsApp, waId);

    public static ReceiveMessage Writes(ConversationIdentity identity, string providerId, string text = "Hello", DateTimeOffset? at = null)
    {
        var time = at ?? DateTimeOffset.UtcNow;
        return new ReceiveMessage(identity, "msg-" + providerId, providerId, new TextContent(text), time, time);
    }

    public static AddNote Note(string text) => new("note-" + Guid.NewGuid().ToString("N"), new AgentRef("agent-1", "Ana"), text);
}
