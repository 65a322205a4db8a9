using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>Blue ticks on the customer's phone: owed when an agent reads, best effort, a few tries.</summary>
public sealed class When_a_read_receipt_is_owed
{
    [Fact]
    public void Reading_owes_a_receipt_for_the_latest_customer_message()
    {
        var harness = CustomerWrote();

        harness.When(new MarkRead("agent-ana"));

        Assert.Equal("wamid.first", harness.State.Outbox.ReadReceipt!.ProviderMessageId);
    }

    [Fact]
    public void A_sent_receipt_is_no_longer_owed()
    {
        var harness = CustomerWrote().Given(new MarkRead("agent-ana"));

        harness.When(new RecordReadReceiptDone("wamid.first")).Single<ReadReceiptSettled>();

        Assert.Null(harness.State.Outbox.ReadReceipt);
    }

    [Fact]
    public void A_receipt_that_keeps_failing_is_dropped()
    {
        var harness = CustomerWrote().Given(new MarkRead("agent-ana"));
        for (var i = 1; i < ConversationLimits.MaxReadReceiptFailures; i++)
        {
            harness.When(new RecordReadReceiptRetry("wamid.first", T0.AddSeconds(i))).Single<ReadReceiptRetryScheduled>();
        }

        harness.When(new RecordReadReceiptRetry("wamid.first", T0.AddMinutes(1))).Single<ReadReceiptSettled>();
        Assert.Null(harness.State.Outbox.ReadReceipt);
    }
}
