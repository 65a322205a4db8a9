using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_the_provider_reports_statuses
{
    private static ConversationHarness Sent(MessageContent? content = null)
    {
        var harness = CustomerWrote();
        harness.Given(content is null ? Reply("r-1") : Send("r-1", content), new RecordSent("r-1", "wamid.out"));
        return harness;
    }

    private static MessageStatus StatusOf(ConversationHarness harness) =>
        harness.History.Select(@event => @event switch
        {
            MessageSent sent when sent.MessageId == "r-1" => MessageStatus.Sent,
            MessageStatusChanged changed when changed.MessageId == "r-1" => changed.Status,
            _ => (MessageStatus?)null,
        }).Last(status => status is not null)!.Value;

    [Fact]
    public void Recording_the_send_marks_the_message_sent_with_its_provider_id()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));

        var sent = harness.When(new RecordSent("r-1", "wamid.out")).Single<MessageSent>();

        Assert.Equal("wamid.out", sent.ProviderMessageId);
        Assert.Equal(MessageStatus.Sent, harness.State.InFlight.Single().Status);
    }

    [Fact]
    public void Statuses_move_forward()
    {
        var harness = Sent();

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Delivered, StatusOf(harness));
    }

    [Fact]
    public void Statuses_never_move_backwards()
    {
        var harness = Sent().Given(new ApplyStatus("wamid.out", MessageStatus.Delivered));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Sent)).ChangesNothing();
    }

    [Fact]
    public void A_repeated_status_is_a_no_op()
    {
        var harness = Sent().Given(new ApplyStatus("wamid.out", MessageStatus.Delivered));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).ChangesNothing();
    }

    [Fact]
    public void Read_may_skip_delivered()
    {
        var harness = Sent();

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Read)).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Read, StatusOf(harness));
    }

    [Fact]
    public void Delivered_after_read_changes_nothing()
    {
        var harness = Sent().Given(new ApplyStatus("wamid.out", MessageStatus.Read));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).ChangesNothing();
    }

    [Fact]
    public void Failed_applies_while_the_message_is_at_most_sent()
    {
        var harness = Sent();

        var failed = harness.When(new ApplyStatus("wamid.out", MessageStatus.Failed, Error: new ProviderError(131026, "Receiver is incapable of receiving this message"))).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Equal("131026", failed.Error!.Code);
        Assert.StartsWith("Message undeliverable", failed.Error.Reason);
    }

    [Fact]
    public void Failed_without_an_error_still_says_it_failed()
    {
        var harness = Sent();

        var failed = harness.When(new ApplyStatus("wamid.out", MessageStatus.Failed)).Single<MessageStatusChanged>();

        Assert.Equal("failed", failed.Error!.Code);
    }

    [Fact]
    public void Failed_after_delivered_changes_nothing()
    {
        var harness = Sent().Given(new ApplyStatus("wamid.out", MessageStatus.Delivered));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Failed, Error: new ProviderError(131000, "Something went wrong"))).ChangesNothing();
    }

    [Fact]
    public void Nothing_follows_failed()
    {
        var harness = Sent().Given(new ApplyStatus("wamid.out", MessageStatus.Failed, Error: new ProviderError(131047, "Re-engagement message")));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Delivered)).ChangesNothing();
    }

    [Fact]
    public void A_voice_note_moves_on_to_played()
    {
        var harness = Sent(new AudioContent(new MediaRef(MediaId: "voice-1"), Voice: true)).Given(new ApplyStatus("wamid.out", MessageStatus.Read));

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Played)).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Played, StatusOf(harness));
    }

    [Fact]
    public void A_message_in_a_final_state_is_no_longer_tracked()
    {
        var harness = Sent();

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Read));

        Assert.Empty(harness.State.InFlight);
        Assert.Contains(new SettledMessage("r-1", "wamid.out"), harness.State.RecentlySettled);
    }

    [Fact]
    public void Only_provider_statuses_are_accepted()
    {
        var harness = Sent();

        harness.When(new ApplyStatus("wamid.out", MessageStatus.Queued)).IsRejectedWith(ConversationRejections.Codes.InvalidMessageStatus);
    }

    [Fact]
    public void Tracked_messages_are_bounded()
    {
        var harness = CustomerWrote();

        for (var i = 0; i < ConversationLimits.MaxInFlight + 10; i++)
        {
            harness.Given(Reply($"r-{i}"));
        }

        Assert.Equal(ConversationLimits.MaxInFlight, harness.State.InFlight.Count);
        Assert.Equal("r-10", harness.State.InFlight[0].MessageId);
    }
}
