using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

// Timers that came due: the window's close, a snooze's end, deferred statuses' expiry.
public sealed partial class ConversationDecider
{
    private static Decision<ConversationEvent> CloseWindow(ConversationState state, CloseWindow close, DateTimeOffset now)
    {
        if (state.Identity is null
            || state.Window.CloseAnnounced
            || !ConversationTimers.IsDueAt(state.Window.ExpiresAt, close.DueAt))
        {
            return Nothing;
        }

        var closedAt = state.Window.ExpiresAt!.Value;
        return new Turn(state, now)
            .Add(new WindowClosed(closedAt))
            .System(SystemLines.WindowClosed(closedAt, Policy(state).ServiceWindow))
            .Decision;
    }

    private static Decision<ConversationEvent> EndSnooze(ConversationState state, EndSnooze end, DateTimeOffset now) =>
        state.Status == ConversationStatus.Snoozed && ConversationTimers.IsDueAt(state.SnoozedUntil, end.DueAt)
            ? new Turn(state, now).StatusChange(ConversationStatus.Snoozed, ConversationStatus.Open, MessageAuthor.System).Decision
            : Nothing;

    private static Decision<ConversationEvent> DiscardExpiredStatuses(ConversationState state, DiscardExpiredStatuses discard, DateTimeOffset now)
    {
        // The later of the clock and the due time: a reminder delivered a hair early still clears what it was set for.
        var cutoff = (now > discard.DueAt ? now : discard.DueAt) + ConversationTimers.DueTolerance;
        var expired = state.DeferredStatuses
            .Where(deferred => deferred.ReceivedAt + ConversationLimits.DeferredStatusLifetime <= cutoff)
            .ToList();
        return expired.Count == 0 ? Nothing : Decision<ConversationEvent>.Accept(new DeferredStatusesDiscarded(expired));
    }
}
