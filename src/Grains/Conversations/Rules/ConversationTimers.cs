using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The durable timers a conversation wants, derived from its state after every turn, and the
/// commands they become when they come due; and when its outbox next needs attention. The grain's
/// storage indexes the earliest of them (<see cref="NextDueAt"/>) and a sweeper wakes the grain then,
/// so no conversation holds an Orleans reminder. Names are part of the rules: never rename one
/// (an unknown name becomes <see cref="IgnoreTimer"/>).
/// </summary>
public static class ConversationTimers
{
    /// <summary>At the window's expiry, until the close has been announced.</summary>
    public const string WindowClose = "window-close";

    /// <summary>At the end of a snooze.</summary>
    public const string Snooze = "snooze";

    /// <summary>When a waiting bot step gives up.</summary>
    public const string BotTimeout = "bot-timeout";

    /// <summary>When the oldest deferred status is due to be discarded.</summary>
    public const string DeferredStatusExpiry = "deferred-status-expiry";

    /// <summary>One per scheduled message: <c>scheduled:{messageId}</c>.</summary>
    public const string ScheduledPrefix = "scheduled:";

    /// <summary>
    /// How far a timer's due time may be from the state's own time and still be the same timer:
    /// the database keeps microseconds where .NET keeps ticks.
    /// </summary>
    public static TimeSpan DueTolerance { get; } = TimeSpan.FromMilliseconds(1);

    public static string Scheduled(string messageId) => ScheduledPrefix + messageId;

    /// <summary>Whether a timer that came due for <paramref name="dueAt"/> is the one the state still wants at <paramref name="wanted"/>.</summary>
    public static bool IsDueAt(DateTimeOffset? wanted, DateTimeOffset dueAt) =>
        wanted is { } at && (at - dueAt).Duration() <= DueTolerance;

    public static IReadOnlyList<DueTimer> For(ConversationState state)
    {
        if (state.Identity is null)
        {
            return [];
        }

        var timers = new List<DueTimer>();
        if (state.Window is { ExpiresAt: { } expiresAt, CloseAnnounced: false })
        {
            timers.Add(new DueTimer(WindowClose, expiresAt));
        }

        if (state is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } snoozedUntil })
        {
            timers.Add(new DueTimer(Snooze, snoozedUntil));
        }

        if (state.Bot is { Active: true, WaitingUntil: { } waitingUntil })
        {
            timers.Add(new DueTimer(BotTimeout, waitingUntil));
        }

        if (state.DeferredStatuses.Count > 0)
        {
            var oldest = state.DeferredStatuses.Min(deferred => deferred.ReceivedAt);
            timers.Add(new DueTimer(DeferredStatusExpiry, oldest + ConversationLimits.DeferredStatusLifetime));
        }

        timers.AddRange(state.Scheduled.Select(scheduled => new DueTimer(Scheduled(scheduled.Id), scheduled.SendAt)));
        return timers;
    }

    public static ConversationCommand ToCommand(DueTimer timer) => timer.Name switch
    {
        WindowClose => new CloseWindow(timer.DueAt),
        Snooze => new EndSnooze(timer.DueAt),
        BotTimeout => new TimeOutBot(timer.DueAt),
        DeferredStatusExpiry => new DiscardExpiredStatuses(timer.DueAt),
        var name when name.StartsWith(ScheduledPrefix, StringComparison.Ordinal) && name.Length > ScheduledPrefix.Length =>
            new SendScheduledMessage(name[ScheduledPrefix.Length..], timer.DueAt),
        var name => new IgnoreTimer(name, timer.DueAt),
    };

    /// <summary>
    /// When the outbox next needs the grain: the head send's retry time, or the end of its open
    /// attempt's lease (the activation that started it may have died); a send just queued, a
    /// receipt or a media copy at once (or at its retry time). Null when the outbox is empty.
    /// </summary>
    public static DateTimeOffset? OutboxDueAt(ConversationOutbox outbox)
    {
        DateTimeOffset? due = null;
        if (outbox.Sends.FirstOrDefault() is { } head)
        {
            due = Earliest(due, head.AttemptStartedAt is { } started ? started + ConversationLimits.SendAttemptLease : head.RetryAt ?? head.QueuedAt);
        }

        if (outbox.ReadReceipt is { } receipt)
        {
            due = Earliest(due, receipt.RetryAt ?? receipt.RequestedAt);
        }

        foreach (var pending in outbox.Inbound.Where(pending => pending.FetchMedia))
        {
            due = Earliest(due, pending.RetryAt ?? pending.Message.CreatedAt);
        }

        return due;
    }

    /// <summary>The earliest time the grain must be woken: its first timer or its outbox; null for never.</summary>
    public static DateTimeOffset? NextDueAt(ConversationState state) =>
        For(state).Select(timer => (DateTimeOffset?)timer.DueAt).Append(OutboxDueAt(state.Outbox)).Min();

    private static DateTimeOffset? Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } at && at <= candidate ? at : candidate;
}
