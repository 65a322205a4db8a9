using Switchboard.Grains.Abstractions;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// The bot's place in the conversation: started, advanced, timed out, exited (humans take over).
public sealed partial class ConversationDecider
{
    private static Decision<ConversationEvent> StartBot(ConversationState state, StartBot start, DateTimeOffset now) =>
        state.Bot.Active
            ? Reject.BotAlreadyActive(state.Bot.FlowId ?? start.FlowId)
            : new Turn(state, now)
                .Add(new BotStarted(start.FlowId, start.StepId, now, start.WaitingUntil))
                .System(SystemLines.BotStarted(start.FlowId), MessageAuthor.Bot(start.FlowId))
                .Decision;

    private static Decision<ConversationEvent> AdvanceBot(ConversationState state, AdvanceBot advance, DateTimeOffset now) =>
        state.Bot.Active
            ? Decision<ConversationEvent>.Accept(new BotAdvanced(advance.StepId, now, advance.WaitingUntil))
            : Reject.BotNotActive();

    private static Decision<ConversationEvent> ExitBot(ConversationState state, ExitBot exit, DateTimeOffset now)
    {
        if (!state.Bot.Active)
        {
            return Reject.BotNotActive();
        }

        var turn = new Turn(state, now)
            .Add(new BotExited(state.Bot.FlowId ?? string.Empty, exit.By, now, exit.Reason))
            .System(SystemLines.BotExited(exit.By, exit.Reason), exit.By);

        // Humans take over at once: a conversation parked as pending for the bot becomes open.
        if (state.Status == ConversationStatus.Pending)
        {
            turn.StatusChange(ConversationStatus.Pending, ConversationStatus.Open, exit.By);
        }

        return turn.Decision;
    }

    private static Decision<ConversationEvent> TimeOutBot(ConversationState state, TimeOutBot timeout, DateTimeOffset now) =>
        state.Bot.Active && ConversationTimers.IsDueAt(state.Bot.WaitingUntil, timeout.DueAt)
            ? Decision<ConversationEvent>.Accept(new BotTimedOut(state.Bot.FlowId ?? string.Empty, state.Bot.StepId ?? string.Empty, now))
            : Nothing;
}
