namespace Switchboard.Grains.Conversations;

// The commands due timers become. Each carries the due time it was set for, so a timer that no
// longer matches the state (the window was extended, the snooze changed) does nothing.

/// <summary>The "window-close" timer came due.</summary>
public sealed record CloseWindow(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "snooze" timer came due.</summary>
public sealed record EndSnooze(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "bot-timeout" timer came due.</summary>
public sealed record TimeOutBot(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>A "scheduled:{id}" timer came due.</summary>
public sealed record SendScheduledMessage(string MessageId, DateTimeOffset DueAt) : ConversationCommand;

/// <summary>The "deferred-status-expiry" timer came due: drop statuses whose message never became known.</summary>
public sealed record DiscardExpiredStatuses(DateTimeOffset DueAt) : ConversationCommand;

/// <summary>A timer this version does not know (renamed or retired): it does nothing.</summary>
public sealed record IgnoreTimer(string Name, DateTimeOffset DueAt) : ConversationCommand;
