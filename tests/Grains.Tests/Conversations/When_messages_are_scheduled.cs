using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_messages_are_scheduled
{
    private static readonly DateTimeOffset InTwoHours = T0 + TimeSpan.FromHours(2);

    private static ScheduleMessage Schedule(string id, DateTimeOffset sendAt, TemplateContent? fallback = null) =>
        new(id, new TextContent("Your order ships today"), sendAt, ByAna, fallback);

    [Fact]
    public void A_scheduled_message_is_listed_with_a_timer_at_its_time()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", InTwoHours));

        Assert.Equal("s-1", Assert.Single(harness.State.Scheduled).Id);
        Assert.Contains(new DueTimer("scheduled:s-1", InTwoHours), harness.Rules.Timers(harness.State));
    }

    [Fact]
    public void It_is_queued_at_its_time_while_the_window_is_open()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", InTwoHours));

        var events = harness.AdvanceTo(InTwoHours);

        var queued = Assert.Single(events.OfType<MessageQueued>());
        Assert.Equal(("s-1", QueueOrigin.Scheduled, InTwoHours), (queued.Message.Id, queued.Origin, queued.Message.CreatedAt));
        Assert.Empty(harness.State.Scheduled);
    }

    [Fact]
    public void It_fails_with_window_closed_when_the_window_closed_before_its_time()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", T0 + TimeSpan.FromHours(30)));

        var events = harness.AdvanceTo(T0 + TimeSpan.FromHours(30));

        var failed = Assert.Single(events.OfType<ScheduledMessageFailed>()).Message;
        Assert.Equal((MessageStatus.Failed, "window_closed"), (failed.Status, failed.Error!.Code));
        Assert.Contains(events.OfType<SystemMessageAdded>(), added => ((SystemContent)added.Message.Content).SystemType == "scheduled_message_failed");
        Assert.Empty(harness.State.Scheduled);
    }

    [Fact]
    public void Its_template_fallback_goes_instead_when_the_window_is_closed()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", T0 + TimeSpan.FromHours(30), Template("follow_up")));

        var events = harness.AdvanceTo(T0 + TimeSpan.FromHours(30));

        var queued = Assert.Single(events.OfType<MessageQueued>());
        Assert.Equal("follow_up", Assert.IsType<TemplateContent>(queued.Message.Content).Name);
    }

    [Fact]
    public void A_cancelled_message_is_not_sent()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", InTwoHours), new CancelScheduledMessage("s-1", ByAna));

        var events = harness.AdvanceTo(InTwoHours);

        Assert.Empty(events);
        Assert.Empty(harness.State.Scheduled);
    }

    [Fact]
    public void A_stale_timer_for_a_cancelled_message_does_nothing()
    {
        var harness = CustomerWrote().Given(Schedule("s-1", InTwoHours), new CancelScheduledMessage("s-1", ByAna));

        harness.When(new SendScheduledMessage("s-1", InTwoHours)).ChangesNothing();
    }

    [Fact]
    public void Cancelling_an_unknown_scheduled_message_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new CancelScheduledMessage("s-404", ByAna)).IsRejectedWith(ConversationRejections.Codes.ScheduledMessageNotFound);
    }

    [Fact]
    public void A_time_in_the_past_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(Schedule("s-1", T0)).IsRejectedWith(ConversationRejections.Codes.InvalidScheduleTime);
    }

    [Fact]
    public void Scheduled_messages_are_bounded()
    {
        var harness = CustomerWrote();
        for (var i = 0; i < ConversationLimits.MaxScheduledMessages; i++)
        {
            harness.Given(Schedule($"s-{i}", InTwoHours));
        }

        harness.When(Schedule("s-too-many", InTwoHours)).IsRejectedWith(ConversationRejections.Codes.TooManyScheduledMessages);
    }
}
