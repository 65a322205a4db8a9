using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_messages_arrive_out_of_order
{
    [Fact]
    public void The_window_counts_from_the_message_timestamp_not_its_arrival()
    {
        var harness = new ConversationHarness(T0 + TimeSpan.FromHours(2));

        harness.When(Inbound("wamid.1", sentAt: T0, receivedAt: T0 + TimeSpan.FromHours(2)));

        Assert.Equal(T0 + Day, harness.State.Window.ExpiresAt);
    }

    [Fact]
    public void A_timestamp_later_than_the_receipt_counts_from_the_receipt()
    {
        var harness = new ConversationHarness(T0);

        harness.When(Inbound("wamid.1", sentAt: T0 + TimeSpan.FromHours(5), receivedAt: T0));

        Assert.Equal(T0 + Day, harness.State.Window.ExpiresAt);
    }

    [Fact]
    public void An_older_message_arriving_late_never_shrinks_the_window()
    {
        var harness = CustomerWrote(T0 + TimeSpan.FromHours(3));

        var decision = harness.When(Inbound("wamid.older", sentAt: T0, receivedAt: harness.Now));

        Assert.Empty(decision.All<WindowOpened>());
        Assert.Equal(T0 + TimeSpan.FromHours(3) + Day, harness.State.Window.ExpiresAt);
    }

    [Fact]
    public void A_message_whose_window_is_already_over_opens_nothing()
    {
        var harness = TemplateOnly(T0 + TimeSpan.FromHours(30));

        var decision = harness.When(Inbound("wamid.stale", sentAt: T0, receivedAt: harness.Now));

        Assert.Empty(decision.All<WindowOpened>());
        harness.When(Reply("r-1")).IsRejectedWith(ConversationRejections.Codes.WindowClosed);
    }

    [Fact]
    public void A_reaction_opens_the_window()
    {
        var harness = TemplateOnly();

        harness.When(Inbound("wamid.r", T0, content: new ReactionContent("wamid.tpl", "👍"))).Single<WindowOpened>();
    }

    [Fact]
    public void A_system_message_from_the_provider_does_not_open_the_window()
    {
        var harness = TemplateOnly();

        var decision = harness.When(Inbound("wamid.sys", T0, content: new SystemContent("User changed number", "user_changed_number", "15550003333")));

        Assert.Empty(decision.All<WindowOpened>());
        Assert.False(harness.State.Window.IsOpenAt(harness.Now));
    }
}
