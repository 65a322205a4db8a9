using Switchboard.Grains.Abstractions;

namespace Switchboard.Grains.Conversations;

/// <summary>Assign to <paramref name="Agent"/>, or unassign with null. Assigning over another agent is a transfer.</summary>
public sealed record Assign(AgentRef? Agent, MessageAuthor By) : ConversationCommand;

public sealed record AddParticipant(AgentRef Agent, MessageAuthor By) : ConversationCommand;

public sealed record RemoveParticipant(string AgentId, MessageAuthor By) : ConversationCommand;

/// <summary>
/// An agent leaves (as assignee or participant). When the tenant configured a leave message the
/// Api passes it in <paramref name="CustomerMessage"/>; it goes out only while the window is open.
/// </summary>
public sealed record Leave(AgentRef Agent, LeaveMessage? CustomerMessage = null) : ConversationCommand;

/// <summary>The tenant's "agent left" text for the customer, with the id the message will have.</summary>
public sealed record LeaveMessage(string MessageId, string Text);

/// <summary>Open, pending, resolved, or snoozed until <paramref name="SnoozedUntil"/> (required then, and only then).</summary>
public sealed record SetStatus(ConversationStatus Status, MessageAuthor By, DateTimeOffset? SnoozedUntil = null) : ConversationCommand;

/// <summary>Replace the labels with this set.</summary>
public sealed record SetLabels(IReadOnlyList<string> Labels, MessageAuthor By) : ConversationCommand;

/// <summary>An internal note between agents; never sent to the customer.</summary>
public sealed record AddNote(string NoteId, AgentRef Agent, string Text) : ConversationCommand, IIdempotentCommand
{
    public string? IdempotencyKey => "note:" + NoteId;
}

/// <summary>An agent read the conversation: unread goes to zero, and the customer is sent a read receipt.</summary>
public sealed record MarkRead(string AgentId) : ConversationCommand;
