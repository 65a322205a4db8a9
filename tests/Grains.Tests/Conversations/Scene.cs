using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>The cast and props of the conversation tests.</summary>
public static class Scene
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Day = TimeSpan.FromHours(24);

    public static ConversationIdentity WhatsApp { get; } = new("tenant-1", "channel-1", ChannelType.WhatsApp, "15550001111");

    public static ConversationIdentity Messenger { get; } = new("tenant-1", "page-1", ChannelType.Messenger, "psid-1");

    public static ConversationIdentity Instagram { get; } = new("tenant-1", "ig-1", ChannelType.Instagram, "igsid-1");

    public static AgentRef Ana { get; } = new("agent-ana", "Ana");

    public static AgentRef Ben { get; } = new("agent-ben", "Ben");

    public static AgentRef Cleo { get; } = new("agent-cleo", "Cleo");

    public static MessageAuthor ByAna { get; } = MessageAuthor.Agent(Ana);

    public static TemplateContent Template(string name = "order_update") => new(name, "en", TemplateParameters.None);

    public static ReceiveMessage Inbound(
        string providerId,
        DateTimeOffset sentAt,
        DateTimeOffset? receivedAt = null,
        MessageContent? content = null,
        ConversationIdentity? identity = null) =>
        new(identity ?? WhatsApp, "in-" + providerId, providerId, content ?? new TextContent("Hello"), sentAt, receivedAt ?? sentAt);

    public static SendMessage Reply(string id, string text = "How can I help?", bool hold = false, bool humanAgentTag = false) =>
        new(id, new TextContent(text), ByAna, HoldIfWindowClosed: hold, HumanAgentTag: humanAgentTag);

    public static SendMessage Send(string id, MessageContent content) => new(id, content, ByAna);

    public static StartWithTemplate StartWithTemplate(string id, ConversationIdentity? identity = null) =>
        new(identity ?? WhatsApp, id, Template(), ByAna);

    /// <summary>A harness whose customer wrote at <paramref name="at"/> (T0 by default), with the clock there.</summary>
    public static ConversationHarness CustomerWrote(DateTimeOffset? at = null, ConversationIdentity? identity = null)
    {
        var time = at ?? T0;
        return new ConversationHarness(time).Given(Inbound("wamid.first", time, identity: identity));
    }

    /// <summary>A conversation opened by a template only: the customer never wrote.</summary>
    public static ConversationHarness TemplateOnly(DateTimeOffset? at = null) =>
        new ConversationHarness(at ?? T0).Given(StartWithTemplate("tpl-1"));
}
