using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_the_status_changes
{
    [Fact]
    public void A_conversation_is_resolved()
    {
        var harness = CustomerWrote();

        var decision = harness.When(new SetStatus(ConversationStatus.Resolved, ByAna));

        Assert.Equal(ConversationStatus.Resolved, decision.Single<ConversationStatusChanged>().Status);
        Assert.Equal("Resolved by Ana.", decision.Events.SystemLine());
    }

    [Fact]
    public void A_resolved_conversation_reopens_when_the_customer_writes()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Resolved, ByAna));

        var decision = harness.When(Inbound("wamid.2", harness.Now));

        Assert.Equal(MessageAuthor.Customer, decision.Single<ConversationStatusChanged>().By);
        Assert.Equal(ConversationStatus.Open, harness.State.Status);
    }

    [Fact]
    public void A_pending_conversation_stays_pending_when_the_customer_writes()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Pending, ByAna));

        harness.When(Inbound("wamid.2", harness.Now));

        Assert.Equal(ConversationStatus.Pending, harness.State.Status);
    }

    [Fact]
    public void A_snoozed_conversation_reopens_when_the_snooze_ends()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Snoozed, ByAna, T0 + TimeSpan.FromHours(4)));

        var events = harness.Advance(TimeSpan.FromHours(5));

        Assert.Equal(ConversationStatus.Open, Assert.Single(events.OfType<ConversationStatusChanged>()).Status);
        Assert.Null(harness.State.SnoozedUntil);
    }

    [Fact]
    public void A_snoozed_conversation_reopens_when_the_customer_writes()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Snoozed, ByAna, T0 + TimeSpan.FromHours(4)));

        harness.When(Inbound("wamid.2", harness.Now));

        Assert.Equal(ConversationStatus.Open, harness.State.Status);
        Assert.DoesNotContain(harness.Rules.Timers(harness.State), timer => timer.Name == ConversationTimers.Snooze);
    }

    [Fact]
    public void A_stale_snooze_timer_does_nothing()
    {
        var harness = CustomerWrote().Given(
            new SetStatus(ConversationStatus.Snoozed, ByAna, T0 + TimeSpan.FromHours(4)),
            new SetStatus(ConversationStatus.Snoozed, ByAna, T0 + TimeSpan.FromHours(8)));

        harness.When(new EndSnooze(T0 + TimeSpan.FromHours(4))).ChangesNothing();
    }

    [Fact]
    public void Snoozing_needs_a_time_in_the_future()
    {
        var harness = CustomerWrote();

        harness.When(new SetStatus(ConversationStatus.Snoozed, ByAna)).IsRejectedWith(ConversationRejections.Codes.InvalidStatus);
    }

    [Fact]
    public void Only_a_snooze_has_a_time()
    {
        var harness = CustomerWrote();

        harness.When(new SetStatus(ConversationStatus.Resolved, ByAna, T0 + Day)).IsRejectedWith(ConversationRejections.Codes.InvalidStatus);
    }

    [Fact]
    public void Setting_the_current_status_changes_nothing()
    {
        var harness = CustomerWrote();

        harness.When(new SetStatus(ConversationStatus.Open, ByAna)).ChangesNothing();
    }
}
