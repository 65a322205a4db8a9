using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

/// <summary>
/// The send queue: a conversation's messages go to the provider one at a time in the order queued,
/// each attempt recorded before it is made, retried at the provider's back-off, and given up on
/// after bounded tries — a duplicate line beats a lost one, but only so many times.
/// </summary>
public sealed class When_the_outbox_sends
{
    [Fact]
    public void A_queued_message_joins_the_send_queue_in_order()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), Reply("r-2"));

        Assert.Equal(["r-1", "r-2"], harness.State.Outbox.Sends.Select(send => send.MessageId));
    }

    [Fact]
    public void An_attempt_is_recorded_before_the_request_leaves()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));

        var started = harness.When(new BeginSendAttempt("r-1")).Single<SendAttemptStarted>();

        Assert.Equal((1, T0), (started.Attempt, started.At));
        Assert.Equal(T0, harness.State.Outbox.Sends[0].AttemptStartedAt);
    }

    [Fact]
    public void Only_the_head_of_the_queue_may_go()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), Reply("r-2"));

        harness.When(new BeginSendAttempt("r-2")).ChangesNothing();
    }

    [Fact]
    public void An_attempt_already_out_is_not_started_twice()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new BeginSendAttempt("r-1"));

        harness.When(new BeginSendAttempt("r-1")).ChangesNothing();
    }

    [Fact]
    public void A_sent_message_leaves_the_queue_and_the_next_is_the_head()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), Reply("r-2"), new BeginSendAttempt("r-1"));

        harness.When(new RecordSent("r-1", "wamid.r1"));

        Assert.Equal("r-2", Assert.Single(harness.State.Outbox.Sends).MessageId);
    }

    [Fact]
    public void A_failed_message_leaves_the_queue()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new BeginSendAttempt("r-1"));

        harness.When(new RecordSendFailed("r-1", new ProviderError(131026, "Undeliverable")));

        Assert.Empty(harness.State.Outbox.Sends);
    }

    [Fact]
    public void A_retry_waits_for_its_time()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new BeginSendAttempt("r-1"), new RecordSendRetry("r-1", T0.AddSeconds(30), "131000 try again"));

        harness.When(new BeginSendAttempt("r-1")).ChangesNothing();
        harness.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, harness.When(new BeginSendAttempt("r-1")).Single<SendAttemptStarted>().Attempt);
    }

    [Fact]
    public void A_retry_keeps_the_reason_for_whoever_looks()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new BeginSendAttempt("r-1"));

        harness.When(new RecordSendRetry("r-1", T0.AddSeconds(5), "131000 Something went wrong"));

        Assert.Equal("131000 Something went wrong", harness.State.Outbox.Sends[0].LastError);
    }

    [Fact]
    public void Outcomes_that_stay_unknown_are_tried_again_then_the_message_fails()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));
        for (var i = 1; i < ConversationLimits.MaxUnknownSendOutcomes; i++)
        {
            harness.Given(new BeginSendAttempt("r-1"), new RecordSendRetry("r-1", harness.Now, "timeout", OutcomeUnknown: true));
        }

        harness.Given(new BeginSendAttempt("r-1"));
        var failed = harness.When(new RecordSendRetry("r-1", harness.Now, "timeout", OutcomeUnknown: true)).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Contains("may not have been delivered", failed.Error!.Reason, StringComparison.Ordinal);
        Assert.Empty(harness.State.Outbox.Sends);
    }

    [Fact]
    public void A_message_that_never_gets_through_is_failed_after_its_last_attempt()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));
        for (var i = 0; i < ConversationLimits.MaxSendAttempts; i++)
        {
            harness.Given(new BeginSendAttempt("r-1"), new RecordSendRetry("r-1", harness.Now, "number throughput reached"));
        }

        var failed = harness.When(new BeginSendAttempt("r-1")).Single<MessageStatusChanged>();

        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Contains($"after {ConversationLimits.MaxSendAttempts} attempts", failed.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_naming_our_message_settles_a_send_whose_answer_was_lost()
    {
        var harness = CustomerWrote().Given(Reply("r-1"), new BeginSendAttempt("r-1"));

        var events = harness.When(new ApplyStatus("wamid.r1", MessageStatus.Delivered, MessageId: "r-1")).Events;

        Assert.Equal("wamid.r1", Assert.Single(events.OfType<MessageSent>()).ProviderMessageId);
        Assert.Equal(MessageStatus.Delivered, Assert.Single(events.OfType<MessageStatusChanged>()).Status);
        Assert.Empty(harness.State.Outbox.Sends);
    }

    [Fact]
    public void The_outbox_bookkeeping_takes_no_sequence_number()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));
        var before = harness.State.Sequence;

        harness.When(new BeginSendAttempt("r-1"));
        harness.When(new RecordSendRetry("r-1", harness.Now, "later"));

        Assert.Equal(before, harness.State.Sequence);
    }

    [Fact]
    public void The_send_queue_is_due_when_its_head_may_go_or_its_attempt_lease_runs_out()
    {
        var harness = CustomerWrote().Given(Reply("r-1"));
        Assert.Equal(T0, ConversationTimers.OutboxDueAt(harness.State.Outbox));

        harness.Given(new BeginSendAttempt("r-1"));
        Assert.Equal(T0 + ConversationLimits.SendAttemptLease, ConversationTimers.OutboxDueAt(harness.State.Outbox));

        harness.Given(new RecordSendRetry("r-1", T0.AddMinutes(1), "later"));
        Assert.Equal(T0.AddMinutes(1), ConversationTimers.OutboxDueAt(harness.State.Outbox));

        harness.Advance(TimeSpan.FromMinutes(1));
        harness.Given(new BeginSendAttempt("r-1"), new RecordSent("r-1", "wamid.r1"));
        Assert.Null(ConversationTimers.OutboxDueAt(harness.State.Outbox));
    }
}
