using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_an_agent_reads
{
    [Fact]
    public void Each_customer_message_counts_as_unread()
    {
        var harness = CustomerWrote().Given(Inbound("wamid.2", T0), Inbound("wamid.3", T0));

        Assert.Equal(3, harness.State.UnreadCount);
    }

    [Fact]
    public void Reading_clears_unread_and_names_the_latest_customer_message_for_the_receipt()
    {
        var harness = CustomerWrote().Given(
            Inbound("wamid.late", T0 + TimeSpan.FromMinutes(5)),
            Inbound("wamid.early", T0 + TimeSpan.FromMinutes(1), receivedAt: T0 + TimeSpan.FromMinutes(6)));

        var read = harness.When(new MarkRead(Ana.Id)).Single<ConversationRead>();

        Assert.Equal("wamid.late", read.LatestInboundProviderMessageId);
        Assert.Equal(0, harness.State.UnreadCount);
    }

    [Fact]
    public void Reading_with_nothing_unread_changes_nothing()
    {
        var harness = CustomerWrote().Given(new MarkRead(Ana.Id));

        harness.When(new MarkRead(Ben.Id)).ChangesNothing();
    }
}
