using Switchboard.Grains.Channels;
using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class On_channels_other_than_WhatsApp
{
    [Theory]
    [InlineData(ChannelType.WhatsApp, 24, null, true)]
    [InlineData(ChannelType.Messenger, 24, 168, false)]
    [InlineData(ChannelType.Instagram, 24, null, false)]
    public void Each_channel_has_its_policy(ChannelType channel, int windowHours, int? humanAgentHours, bool templates)
    {
        var policy = ChannelPolicies.For(channel);

        Assert.Equal(
            (TimeSpan.FromHours(windowHours), humanAgentHours is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null, templates),
            (policy.ServiceWindow, policy.HumanAgentWindow, policy.SupportsTemplates));
    }

    [Fact]
    public void A_template_on_Instagram_is_refused()
    {
        var harness = CustomerWrote(identity: Instagram);

        harness.When(Send("tpl-1", Template())).IsRejectedWith(ConversationRejections.Codes.TemplatesNotSupported);
    }

    [Fact]
    public void A_conversation_on_Messenger_cannot_start_with_a_template()
    {
        var harness = new ConversationHarness();

        harness.When(StartWithTemplate("tpl-1", Messenger)).IsRejectedWith(ConversationRejections.Codes.TemplatesNotSupported);
    }

    [Fact]
    public void A_Messenger_reply_after_24_hours_is_refused_without_the_human_agent_tag()
    {
        var harness = CustomerWrote(identity: Messenger);
        harness.Advance(TimeSpan.FromDays(3));

        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void A_Messenger_reply_with_the_human_agent_tag_is_queued_within_7_days()
    {
        var harness = CustomerWrote(identity: Messenger);
        harness.Advance(TimeSpan.FromDays(6));

        var queued = harness.When(Reply("r-1", humanAgentTag: true)).Single<MessageQueued>();

        Assert.True(queued.HumanAgentTag);
    }

    [Fact]
    public void A_Messenger_reply_with_the_human_agent_tag_is_refused_after_7_days()
    {
        var harness = CustomerWrote(identity: Messenger);
        harness.Advance(TimeSpan.FromDays(7));

        harness.When(Reply("r-1", humanAgentTag: true)).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void The_human_agent_tag_buys_nothing_on_Instagram()
    {
        var harness = CustomerWrote(identity: Instagram);
        harness.Advance(TimeSpan.FromDays(2));

        harness.When(Reply("r-1", humanAgentTag: true)).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }
}
