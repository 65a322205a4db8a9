namespace Switchboard.Grains.Conversations;

// The commands fired reminders become. Each carries the due time it was set for, so a reminder
// that no longer matches the state (the window was extended, the snooze changed) does nothing.

/// <summary>The "window-close" reminder fired.</summary>
public sealed record CloseWindow(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "snooze" reminder fired.</summary>
public sealed record EndSnooze(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "bot-timeout" reminder fired.</summary>
public sealed record TimeOutBot(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>A "scheduled:{id}" reminder fired.</summary>
public sealed record SendScheduledMessage(string MessageId, DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "deferred-status-expiry" reminder fired: drop statuses whose message never became known.</summary>
public sealed record DiscardExpiredStatuses(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>A stored reminder this version does not know (renamed or retired): it does nothing.</summary>
public sealed record IgnoreReminder(string Name, DateTimeOffset DueAt) : ConversationCommand;
