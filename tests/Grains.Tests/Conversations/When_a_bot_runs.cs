using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Conversations;
using static Switchboard.Grains.Tests.Conversations.Scene;

namespace Switchboard.Grains.Tests.Conversations;

public sealed class When_a_bot_runs
{
    private static readonly DateTimeOffset InTenMinutes = T0 + TimeSpan.FromMinutes(10);

    [Fact]
    public void A_started_bot_is_active_at_its_step()
    {
        var harness = CustomerWrote();

        harness.When(new StartBot("welcome", "ask-language")).Single<BotStarted>();

        Assert.Equal(new BotState(true, "welcome", "ask-language"), harness.State.Bot);
    }

    [Fact]
    public void A_waiting_step_wants_a_timeout_timer()
    {
        var harness = CustomerWrote().Given(new StartBot("welcome", "ask-language", InTenMinutes));

        Assert.Contains(new DueTimer(ConversationTimers.BotTimeout, InTenMinutes), harness.Rules.Timers(harness.State));
    }

    [Fact]
    public void A_waiting_step_times_out()
    {
        var harness = CustomerWrote().Given(new StartBot("welcome", "ask-language", InTenMinutes));

        var events = harness.AdvanceTo(InTenMinutes);

        Assert.Equal(new BotTimedOut("welcome", "ask-language", InTenMinutes), Assert.Single(events.OfType<BotTimedOut>()));
        Assert.Null(harness.State.Bot.WaitingUntil);
    }

    [Fact]
    public void A_timeout_for_a_step_already_left_does_nothing()
    {
        var harness = CustomerWrote().Given(new StartBot("welcome", "ask-language", InTenMinutes), new AdvanceBot("ask-topic"));

        harness.When(new TimeOutBot(InTenMinutes)).ChangesNothing();
    }

    [Fact]
    public void Exiting_the_bot_hands_the_conversation_to_humans_at_once()
    {
        var harness = CustomerWrote().Given(new SetStatus(ConversationStatus.Pending, MessageAuthor.Bot("welcome")), new StartBot("welcome", "ask-language"));

        var decision = harness.When(new ExitBot(ByAna));

        decision.Single<BotExited>();
        Assert.Contains(decision.All<SystemMessageAdded>(), line => line.Message.Content.Preview == "Bot exited by Ana.");
        Assert.Equal((false, ConversationStatus.Open), (harness.State.Bot.Active, harness.State.Status));
    }

    [Fact]
    public void Starting_a_bot_while_one_runs_is_refused()
    {
        var harness = CustomerWrote().Given(new StartBot("welcome", "ask-language"));

        harness.When(new StartBot("other", "x")).IsRejectedWith(ConversationRejections.Codes.BotAlreadyActive);
    }

    [Fact]
    public void Exiting_when_no_bot_runs_is_refused()
    {
        var harness = CustomerWrote();

        harness.When(new ExitBot(ByAna)).IsRejectedWith(ConversationRejections.Codes.BotNotActive);
    }
}
