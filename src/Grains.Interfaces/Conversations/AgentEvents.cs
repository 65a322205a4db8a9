namespace Switchboard.Grains.Conversations;

/// <summary>Assigned (no previous), transferred (both set) or unassigned (no current).</summary>
public sealed record AssigneeChanged(AgentRef? Previous, AgentRef? Current, MessageAuthor By, DateTimeOffset At) : ConversationEvent;

public sealed record ParticipantAdded(AgentRef Agent, MessageAuthor By, DateTimeOffset At) : ConversationEvent;

public sealed record ParticipantRemoved(AgentRef Agent, MessageAuthor By, DateTimeOffset At) : ConversationEvent;

/// <summary>An agent left the conversation; <paramref name="WasAssignee"/> says it is now unassigned.</summary>
public sealed record AgentLeft(AgentRef Agent, bool WasAssignee, DateTimeOffset At) : ConversationEvent;

/// <summary>The labels are now <paramref name="Labels"/>.</summary>
public sealed record LabelsChanged(
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    MessageAuthor By,
    DateTimeOffset At) : ConversationEvent;
