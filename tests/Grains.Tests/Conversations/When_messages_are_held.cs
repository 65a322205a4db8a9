using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_messages_are_held
{
    private static ConversationHarness WindowClosed()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(30));
        return harness;
    }

    [Fact]
    public void A_reply_asking_to_hold_is_held_while_the_window_is_closed()
    {
        var harness = WindowClosed();

        var held = harness.When(Reply("r-1", hold: true)).Single<MessageHeld>();

        Assert.Equal(MessageStatus.Held, held.Message.Status);
        Assert.Equal(["r-1"], harness.State.Held.Select(message => message.Id));
    }

    [Fact]
    public void A_reply_asking_to_hold_is_queued_at_once_while_the_window_is_open()
    {
        var harness = CustomerWrote();

        harness.When(Reply("r-1", hold: true)).Single<MessageQueued>();
    }

    [Fact]
    public void Held_messages_are_released_in_order_when_the_customer_writes()
    {
        var harness = WindowClosed().Given(Reply("r-1", hold: true), Reply("r-2", hold: true), Reply("r-3", hold: true));

        var released = harness.When(Inbound("wamid.2", harness.Now)).All<MessageQueued>();

        Assert.Equal(["r-1", "r-2", "r-3"], released.Select(queued => queued.Message.Id));
        Assert.All(released, queued => Assert.Equal((QueueOrigin.Released, MessageStatus.Queued), (queued.Origin, queued.Message.Status)));
        Assert.Empty(harness.State.Held);
    }

    [Fact]
    public void Held_messages_stay_held_when_the_customer_message_opens_nothing()
    {
        var harness = WindowClosed().Given(Reply("r-1", hold: true));

        var decision = harness.When(Inbound("wamid.sys", harness.Now, content: new SystemContent("changed number")));

        Assert.Empty(decision.All<MessageQueued>());
        Assert.Single(harness.State.Held);
    }

    [Fact]
    public void A_held_message_can_be_cancelled()
    {
        var harness = WindowClosed().Given(Reply("r-1", hold: true));

        harness.When(new CancelHeldMessage("r-1", ByAna)).Single<HeldMessageCancelled>();

        Assert.Empty(harness.State.Held);
    }

    [Fact]
    public void Holding_beyond_the_limit_is_refused()
    {
        var harness = WindowClosed();
        for (var i = 0; i < ConversationLimits.MaxHeldMessages; i++)
        {
            harness.Given(Reply($"r-{i}", hold: true));
        }

        harness.When(Reply("one-too-many", hold: true)).IsRejectedWith(ConversationRejections.Codes.TooManyHeldMessages);
    }
}
