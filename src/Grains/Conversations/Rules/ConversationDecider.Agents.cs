using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// Agents: assignment and transfer, participants, status, labels, notes, reading.
public sealed partial class ConversationDecider
{
    private static Decision<ConversationEvent> Assign(ConversationState state, Assign assign, DateTimeOffset now)
    {
        var previous = state.Assignee;
        var turn = new Turn(state, now);
        switch (previous, assign.Agent)
        {
            case (null, null):
                return Nothing;
            case ({ } from, { } to) when from.Id == to.Id:
                return Nothing;
            case ({ } from, null):
                turn.Add(new AssigneeChanged(from, null, assign.By, now)).System(SystemLines.Unassigned(from, assign.By), assign.By);
                break;
            case (null, { } to):
                turn.Add(new AssigneeChanged(null, to, assign.By, now)).System(SystemLines.Assigned(to, assign.By), assign.By);
                break;
            case ({ } from, { } to):
                turn.Add(new AssigneeChanged(from, to, assign.By, now)).System(SystemLines.Transferred(from, to, assign.By), assign.By);
                break;
        }

        return turn.Decision;
    }

    private static Decision<ConversationEvent> AddParticipant(ConversationState state, AddParticipant add, DateTimeOffset now)
    {
        if (state.Assignee?.Id == add.Agent.Id || state.Participants.Exists(agent => agent.Id == add.Agent.Id))
        {
            return Nothing;
        }

        if (state.Participants.Count >= ConversationLimits.MaxParticipants)
        {
            return Reject.TooManyParticipants(ConversationLimits.MaxParticipants);
        }

        return new Turn(state, now)
            .Add(new ParticipantAdded(add.Agent, add.By, now))
            .System(SystemLines.ParticipantAdded(add.Agent, add.By), add.By)
            .Decision;
    }

    private static Decision<ConversationEvent> RemoveParticipant(ConversationState state, RemoveParticipant remove, DateTimeOffset now)
    {
        var participant = state.Participants.Find(agent => agent.Id == remove.AgentId);
        if (participant is null)
        {
            return Reject.ParticipantNotFound(remove.AgentId);
        }

        return new Turn(state, now)
            .Add(new ParticipantRemoved(participant, remove.By, now))
            .System(SystemLines.ParticipantRemoved(participant, remove.By), remove.By)
            .Decision;
    }

    private static Decision<ConversationEvent> Leave(ConversationState state, Leave leave, DateTimeOffset now)
    {
        var wasAssignee = state.Assignee?.Id == leave.Agent.Id;
        if (!wasAssignee && !state.Participants.Exists(agent => agent.Id == leave.Agent.Id))
        {
            return Reject.AgentNotInConversation(leave.Agent.Id);
        }

        var turn = new Turn(state, now);
        var author = MessageAuthor.Agent(leave.Agent);

        // The tenant's goodbye goes only while a free-form message may: a leave is no reason to spend a template.
        if (leave.CustomerMessage is { } goodbye
            && !IsKnownOutbound(state, goodbye.MessageId)
            && WindowPolicy.AllowsFreeForm(Policy(state), state.Window, humanAgentTag: false, now))
        {
            turn.Add(new MessageQueued(Outbound(goodbye.MessageId, new TextContent(goodbye.Text), author, now)));
        }

        return turn
            .Add(new AgentLeft(leave.Agent, wasAssignee, now))
            .System(SystemLines.AgentLeft(leave.Agent), author)
            .Decision;
    }

    private static Decision<ConversationEvent> SetStatus(ConversationState state, SetStatus set, DateTimeOffset now)
    {
        if (!Enum.IsDefined(set.Status))
        {
            return Reject.InvalidStatus($"'{set.Status}' is not a conversation status.");
        }

        if (set.Status == ConversationStatus.Snoozed && (set.SnoozedUntil is not { } until || until <= now))
        {
            return Reject.InvalidStatus("Snoozing needs a time in the future to reopen the conversation.");
        }

        if (set.Status != ConversationStatus.Snoozed && set.SnoozedUntil is not null)
        {
            return Reject.InvalidStatus("Only a snoozed conversation has a time to reopen.");
        }

        if (set.Status == state.Status && set.SnoozedUntil == state.SnoozedUntil)
        {
            return Nothing;
        }

        return new Turn(state, now).StatusChange(state.Status, set.Status, set.By, set.SnoozedUntil).Decision;
    }

    private static Decision<ConversationEvent> SetLabels(ConversationState state, SetLabels set, DateTimeOffset now)
    {
        var trimmed = set.Labels.Select(label => label?.Trim() ?? string.Empty).ToList();
        if (trimmed.Exists(string.IsNullOrEmpty))
        {
            return Reject.InvalidLabel();
        }

        var labels = trimmed.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count > ConversationLimits.MaxLabels)
        {
            return Reject.TooManyLabels(ConversationLimits.MaxLabels);
        }

        if (labels.SequenceEqual(state.Labels, StringComparer.Ordinal))
        {
            return Nothing;
        }

        var added = labels.Except(state.Labels, StringComparer.Ordinal).ToList();
        var removed = state.Labels.Except(labels, StringComparer.Ordinal).ToList();
        return new Turn(state, now)
            .Add(new LabelsChanged(labels, added, removed, set.By, now))
            .System(SystemLines.LabelsChanged(added, removed, set.By), set.By)
            .Decision;
    }

    private static Decision<ConversationEvent> AddNote(AddNote note, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(note.Text))
        {
            return Reject.InvalidNote();
        }

        return Decision<ConversationEvent>.Accept(new NoteAdded(new MessageRecord(
            note.NoteId,
            MessageDirection.Note,
            new TextContent(note.Text),
            MessageStatus.Received,
            MessageAuthor.Agent(note.Agent),
            now)));
    }

    private static Decision<ConversationEvent> MarkRead(ConversationState state, MarkRead read, DateTimeOffset now) =>
        state.UnreadCount == 0
            ? Nothing
            : Decision<ConversationEvent>.Accept(new ConversationRead(read.AgentId, now, state.LatestInbound?.ProviderMessageId));
}
