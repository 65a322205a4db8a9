using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_a_send_fails
{
    [Fact]
    public void The_message_fails_with_the_provider_code_and_a_human_reason()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));

        var failed = harness.When(new RecordSendFailed("r-1", new ProviderError(131047, "Re-engagement message"))).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal("131047", failed.Error!.Code);
        Assert.Equal("Re-engagement message", failed.Error.Provider!.Title);
        Assert.StartsWith("More than 24 hours have passed since the customer last replied", failed.Error.Reason);
    }

    [Fact]
    public void A_reason_given_by_the_silo_is_kept()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));

        var failed = harness.When(new RecordSendFailed("r-1", Reason: "The media file is gone.")).Single<MessageStatusChanged>();

        Assert.Equal(("send_failed", "The media file is gone."), (failed.Error!.Code, failed.Error.Reason));
    }

    [Fact]
    public void A_repeated_failure_report_changes_nothing()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new RecordSendFailed("r-1", new ProviderError(131026, "Undeliverable")));

        harness.When(new RecordSendFailed("r-1", new ProviderError(131026, "Undeliverable"))).ChangesNothing();
    }

    [Fact]
    public void A_report_for_an_unknown_message_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new RecordSent("nope", "wamid.x")).IsRejectedWith(ConversationRejections.Codes.MessageNotFound);
    }

    [Fact]
    public void A_repeated_send_record_changes_nothing()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new RecordSent("r-1", "wamid.out"));

        harness.When(new RecordSent("r-1", "wamid.out")).ChangesNothing();
    }
}
