using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The durable timers a conversation wants, derived from its state after every turn, and the
/// commands they become when they fire. Names are stored in reminder rows: never rename one
/// (an unknown name fires as <see cref="IgnoreReminder"/>).
/// </summary>
public static class ConversationReminders
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
    /// How far a fired reminder's due time may be from the state's own time and still be the same
    /// timer: the database keeps microseconds where .NET keeps ticks.
    /// </summary>
    public static TimeSpan DueTolerance { get; } = TimeSpan.FromMilliseconds(1);

    public static string Scheduled(string messageId) => ScheduledPrefix + messageId;

    /// <summary>Whether a reminder fired for <paramref name="dueAt"/> is the one the state still wants at <paramref name="wanted"/>.</summary>
    public static bool IsDueAt(DateTimeOffset? wanted, DateTimeOffset dueAt) =>
        wanted is { } at && (at - dueAt).Duration() <= DueTolerance;

    public static IReadOnlyList<ReminderSpec> For(ConversationState state)
    {
        if (state.Identity is null)
        {
            return [];
        }

        var reminders = new List<ReminderSpec>();
        if (state.Window is { ExpiresAt: { } expiresAt, CloseAnnounced: false })
        {
            reminders.Add(new ReminderSpec(WindowClose, expiresAt));
        }

        if (state is { Status: ConversationStatus.Snoozed, SnoozedUntil: { } snoozedUntil })
        {
            reminders.Add(new ReminderSpec(Snooze, snoozedUntil));
        }

        if (state.Bot is { Active: true, WaitingUntil: { } waitingUntil })
        {
            reminders.Add(new ReminderSpec(BotTimeout, waitingUntil));
        }

        if (state.DeferredStatuses.Count > 0)
        {
            var oldest = state.DeferredStatuses.Min(deferred => deferred.ReceivedAt);
            reminders.Add(new ReminderSpec(DeferredStatusExpiry, oldest + ConversationLimits.DeferredStatusLifetime));
        }

        reminders.AddRange(state.Scheduled.Select(scheduled => new ReminderSpec(Scheduled(scheduled.Id), scheduled.SendAt)));
        return reminders;
    }

    public static ConversationCommand ToCommand(ReminderSpec reminder) => reminder.Name switch
    {
        WindowClose => new CloseWindow(reminder.DueAt),
        Snooze => new EndSnooze(reminder.DueAt),
        BotTimeout => new TimeOutBot(reminder.DueAt),
        DeferredStatusExpiry => new DiscardExpiredStatuses(reminder.DueAt),
        var name when name.StartsWith(ScheduledPrefix, StringComparison.Ordinal) && name.Length > ScheduledPrefix.Length =>
            new SendScheduledMessage(name[ScheduledPrefix.Length..], reminder.DueAt),
        var name => new IgnoreReminder(name, reminder.DueAt),
    };
}
