using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Messages;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_the_window_close_timer_fires
{
    [Fact]
    public void An_open_window_wants_a_close_timer_at_its_expiry()
    {
        var harness = CustomerWrote();

        Assert.Contains(new DueTimer(ConversationTimers.WindowClose, T0 + Day), harness.Rules.Timers(harness.State));
    }

    [Fact]
    public void The_window_closes_with_a_system_message()
    {
        var harness = CustomerWrote();

        var events = harness.Advance(TimeSpan.FromHours(25));

        Assert.Equal(T0 + Day, Assert.Single(events.OfType<WindowClosed>()).ClosedAt);
        var line = Assert.Single(events.OfType<SystemMessageAdded>()).Message;
        Assert.Equal(MessageDirection.System, line.Direction);
        Assert.Equal("The 24-hour window closed at 2026-03-03 09:00 UTC — send a template to reopen it.", ((SystemContent)line.Content).Body);
    }

    [Fact]
    public void Once_announced_the_close_timer_is_no_longer_wanted()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(25));

        Assert.DoesNotContain(harness.Rules.Timers(harness.State), timer => timer.Name == ConversationTimers.WindowClose);
    }

    [Fact]
    public void A_stale_timer_after_the_window_was_extended_does_nothing()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(20));
        harness.Given(Inbound("wamid.2", harness.Now));

        harness.When(new CloseWindow(T0 + Day)).ChangesNothing();
    }

    [Fact]
    public void The_timer_moves_when_the_window_is_extended()
    {
        var harness = CustomerWrote();
        harness.Advance(TimeSpan.FromHours(20));
        harness.Given(Inbound("wamid.2", harness.Now));

        var timer = Assert.Single(harness.Rules.Timers(harness.State), timer => timer.Name == ConversationTimers.WindowClose);
        Assert.Equal(T0 + TimeSpan.FromHours(44), timer.DueAt);
    }

    [Fact]
    public void A_due_time_that_lost_its_sub_microsecond_ticks_in_storage_still_matches()
    {
        var odd = T0.AddTicks(7);
        var harness = CustomerWrote(odd);

        harness.When(new CloseWindow(T0 + Day)).Single<WindowClosed>();
    }

    [Fact]
    public void A_fired_timer_becomes_its_command()
    {
        var grain = new ConversationDecider();

        Assert.Equal(new CloseWindow(T0), grain.OnTimer(new DueTimer("window-close", T0)));
        Assert.Equal(new EndSnooze(T0), grain.OnTimer(new DueTimer("snooze", T0)));
        Assert.Equal(new TimeOutBot(T0), grain.OnTimer(new DueTimer("bot-timeout", T0)));
        Assert.Equal(new DiscardExpiredStatuses(T0), grain.OnTimer(new DueTimer("deferred-status-expiry", T0)));
        Assert.Equal(new SendScheduledMessage("s-1", T0), grain.OnTimer(new DueTimer("scheduled:s-1", T0)));
    }

    [Fact]
    public void An_unknown_timer_does_nothing()
    {
        var harness = CustomerWrote();

        var command = harness.Rules.OnTimer(new DueTimer("retired-timer", T0));

        harness.When(command).ChangesNothing();
    }
}
