using System.Globalization;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The agents-only lines a conversation writes into its timeline. Each carries a stable
/// <see cref="SystemContent.SystemType"/> so the console may render or translate it; the body is
/// the English text, with people named as the command named them.
/// </summary>
public static class SystemLines
{
    public static SystemContent WindowClosed(DateTimeOffset closedAt, TimeSpan window) => new(
        $"The {Hours(window)}-hour window closed at {Time(closedAt)} — send a template to reopen it.",
        "window_closed");

    public static SystemContent Assigned(AgentRef agent, MessageAuthor by) => new(
        $"Assigned to {agent.Display} by {by.Describe()}.",
        "assigned");

    public static SystemContent Transferred(AgentRef from, AgentRef to, MessageAuthor by) => new(
        $"Transferred from {from.Display} to {to.Display} by {by.Describe()}.",
        "transferred");

    public static SystemContent Unassigned(AgentRef from, MessageAuthor by) => new(
        $"Unassigned from {from.Display} by {by.Describe()}.",
        "unassigned");

    public static SystemContent ParticipantAdded(AgentRef agent, MessageAuthor by) => new(
        $"{agent.Display} was added as a participant by {by.Describe()}.",
        "participant_added");

    public static SystemContent ParticipantRemoved(AgentRef agent, MessageAuthor by) => new(
        $"{agent.Display} was removed from the participants by {by.Describe()}.",
        "participant_removed");

    public static SystemContent AgentLeft(AgentRef agent) => new(
        $"{agent.Display} left the conversation.",
        "agent_left");

    public static SystemContent StatusChanged(ConversationStatus status, ConversationStatus previous, MessageAuthor by, DateTimeOffset? snoozedUntil) => new(
        status switch
        {
            ConversationStatus.Open when previous == ConversationStatus.Snoozed && by.Kind == AuthorKind.System => "The snooze ended; the conversation is open again.",
            ConversationStatus.Open when previous is ConversationStatus.Resolved or ConversationStatus.Snoozed => $"Reopened by {by.Describe()}.",
            ConversationStatus.Open => $"Marked open by {by.Describe()}.",
            ConversationStatus.Pending => $"Marked pending by {by.Describe()}.",
            ConversationStatus.Resolved => $"Resolved by {by.Describe()}.",
            ConversationStatus.Snoozed => $"Snoozed until {Time(snoozedUntil ?? default)} by {by.Describe()}.",
            _ => $"Status set to {status} by {by.Describe()}.",
        },
        "status_changed");

    public static SystemContent LabelsChanged(IReadOnlyList<string> added, IReadOnlyList<string> removed, MessageAuthor by)
    {
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"added {string.Join(", ", added)}");
        }

        if (removed.Count > 0)
        {
            parts.Add($"removed {string.Join(", ", removed)}");
        }

        return new($"Labels {string.Join(" and ", parts)} by {by.Describe()}.", "labels_changed");
    }

    public static SystemContent BotStarted(string flowId) => new($"Bot {flowId} started.", "bot_started");

    public static SystemContent BotExited(MessageAuthor by, string? reason) => new(
        reason is null ? $"Bot exited by {by.Describe()}." : $"Bot exited by {by.Describe()}: {reason}",
        "bot_exited");

    public static SystemContent ScheduledMessageFailed(DateTimeOffset? windowClosedAt) => new(
        windowClosedAt is { } closedAt
            ? $"The scheduled message was not sent: the window closed at {Time(closedAt)} — send a template to reopen it."
            : "The scheduled message was not sent: the customer has not written yet — send a template to start the conversation.",
        "scheduled_message_failed");

    public static SystemContent ScheduledTemplateFallback(string templateName) => new(
        $"The window was closed when the scheduled message was due, so the template {templateName} was sent instead.",
        "scheduled_template_fallback");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Hours(TimeSpan window) => window.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
}
