using System.Collections.Immutable;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// What a conversation grain keeps between turns. Small on purpose: it never grows with the
/// message history (that lives in a projection table fed by the events); every collection here
/// is bounded. Properties (not constructor parameters) so a stored state that lacks a newer
/// field still loads, with the default.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The state of a conversation that has never handled a command.</summary>
    public static ConversationState Empty { get; } = new();

    /// <summary>Null until the first inbound message or template start.</summary>
    public ConversationIdentity? Identity { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public ConversationStatus Status { get; init; } = ConversationStatus.Open;

    /// <summary>Set while <see cref="Status"/> is snoozed: a "snooze" timer reopens the conversation then.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    public ServiceWindow Window { get; init; } = ServiceWindow.Never;

    public AgentRef? Assignee { get; init; }

    /// <summary>Agents following the conversation besides the assignee, by id.</summary>
    public ImmutableList<AgentRef> Participants { get; init; } = [];

    /// <summary>Distinct labels in ordinal order (a list, so the stored order never depends on a culture).</summary>
    public ImmutableList<string> Labels { get; init; } = [];

    /// <summary>Customer messages since an agent last read the conversation.</summary>
    public int UnreadCount { get; init; }

    public InboundMarker? LatestInbound { get; init; }

    /// <summary>Free-form messages waiting, in order, for the customer to reopen the window.</summary>
    public ImmutableList<MessageRecord> Held { get; init; } = [];

    /// <summary>Messages to send later, each with its own timer, in the order they were scheduled.</summary>
    public ImmutableList<ScheduledMessage> Scheduled { get; init; } = [];

    /// <summary>Outbound messages whose status can still change, oldest first.</summary>
    public ImmutableList<OutboundInFlight> InFlight { get; init; } = [];

    /// <summary>Statuses that arrived before their message's provider id was known, in arrival order.</summary>
    public ImmutableList<DeferredStatus> DeferredStatuses { get; init; } = [];

    /// <summary>
    /// Messages that recently reached a final status, newest last, so a repeated report or
    /// webhook about them is recognised as a repeat instead of an unknown message.
    /// </summary>
    public ImmutableList<SettledMessage> RecentlySettled { get; init; } = [];

    public BotState Bot { get; init; } = BotState.Inactive;

    /// <summary>System lines written so far: their ids are <c>sys-1</c>, <c>sys-2</c>… (no randomness in a decider).</summary>
    public int SystemMessageCount { get; init; }

    /// <summary>
    /// How many events agents' screens have been sent: each visible event takes the next number, so
    /// a screen that sees a gap knows it missed one and re-reads. Outbox bookkeeping takes none.
    /// It is also the conversation's version for optimistic edits (ETag / If-Match).
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>Provider sends, the read receipt and customer messages waiting for their media.</summary>
    public ConversationOutbox Outbox { get; init; } = ConversationOutbox.Empty;
}
