using System.Collections.Immutable;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The rules of one customer thread (product spec §2–§6): the customer-service window, sending,
/// holding and scheduling messages, delivery statuses, assignment, status, labels, notes and the
/// bot's place. A pure decider: time comes as <c>now</c> and inside commands, ids come in
/// commands, and nothing here does I/O. The runtime serialises turns per conversation.
/// </summary>
public sealed class ConversationGrain : IGrainType<ConversationState, ConversationCommand, ConversationEvent>
{
    private static readonly Decision<ConversationEvent> Nothing = Decision<ConversationEvent>.Nothing;

    public string Name => "conversation";

    public ConversationState Initial => ConversationState.Empty;

    public IReadOnlyList<ReminderSpec> Reminders(ConversationState state) => ConversationReminders.For(state);

    public ConversationCommand OnReminder(ReminderSpec reminder) => ConversationReminders.ToCommand(reminder);

    public Decision<ConversationEvent> Decide(ConversationState state, ConversationCommand command, DateTimeOffset now) => command switch
    {
        // Either may be a conversation's very first command.
        StartWithTemplate start => StartWithTemplate(state, start, now),
        ReceiveMessage receive => Receive(state, receive, now),

        // Fired reminders check themselves against the state: a stale one does nothing.
        CloseWindow close => CloseWindow(state, close, now),
        EndSnooze end => EndSnooze(state, end, now),
        TimeOutBot timeout => TimeOutBot(state, timeout, now),
        SendScheduledMessage due => SendScheduled(state, due, now),
        DiscardExpiredStatuses discard => DiscardExpiredStatuses(state, discard, now),
        IgnoreReminder => Nothing,

        _ when state.Identity is null => Reject.ConversationNotFound(),

        SendMessage send => Send(state, send, now),
        CancelHeldMessage cancel => CancelHeld(state, cancel, now),
        RecordSent sent => RecordSent(state, sent, now),
        RecordSendFailed failed => RecordSendFailed(state, failed, now),
        ApplyStatus status => ApplyStatus(state, status, now),
        Assign assign => Assign(state, assign, now),
        AddParticipant add => AddParticipant(state, add, now),
        RemoveParticipant remove => RemoveParticipant(state, remove, now),
        Leave leave => Leave(state, leave, now),
        SetStatus set => SetStatus(state, set, now),
        SetLabels labels => SetLabels(state, labels, now),
        AddNote note => AddNote(note, now),
        MarkRead read => MarkRead(state, read, now),
        ScheduleMessage schedule => Schedule(state, schedule, now),
        CancelScheduledMessage cancel => CancelScheduled(state, cancel, now),
        StartBot start => StartBot(state, start, now),
        AdvanceBot advance => AdvanceBot(state, advance, now),
        ExitBot exit => ExitBot(state, exit, now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown conversation command."),
    };

    public ConversationState Apply(ConversationState state, ConversationEvent @event) => @event switch
    {
        ConversationStarted started => state with { Identity = started.Identity, StartedAt = started.At },
        ConversationStatusChanged changed => state with
        {
            Status = changed.Status,
            SnoozedUntil = changed.Status == ConversationStatus.Snoozed ? changed.SnoozedUntil : null,
        },
        MessageReceived received => state with
        {
            UnreadCount = state.UnreadCount + 1,
            LatestInbound = Later(state.LatestInbound, received.Message),
        },
        WindowOpened opened => state with { Window = new ServiceWindow(opened.LastInboundAt, opened.ExpiresAt) },
        WindowClosed => state with { Window = state.Window with { CloseAnnounced = true } },
        ConversationRead => state with { UnreadCount = 0 },
        MessageQueued queued => state with
        {
            InFlight = Track(state.InFlight, queued.Message),
            Held = queued.Origin == QueueOrigin.Released ? state.Held.RemoveAll(held => held.Id == queued.Message.Id) : state.Held,
            Scheduled = queued.Origin == QueueOrigin.Scheduled ? state.Scheduled.RemoveAll(scheduled => scheduled.Id == queued.Message.Id) : state.Scheduled,
        },
        MessageHeld held => state with { Held = state.Held.Add(held.Message) },
        HeldMessageCancelled cancelled => state with { Held = state.Held.RemoveAll(held => held.Id == cancelled.MessageId) },
        MessageSent sent => state with
        {
            InFlight = Replace(state.InFlight, sent.MessageId, inFlight => inFlight with { Status = MessageStatus.Sent, ProviderMessageId = sent.ProviderMessageId }),
            DeferredStatuses = state.DeferredStatuses.RemoveAll(deferred => deferred.ProviderMessageId == sent.ProviderMessageId),
        },
        MessageStatusChanged changed => ApplyStatusChange(state, changed),
        StatusDeferred deferred => state with { DeferredStatuses = state.DeferredStatuses.Add(deferred.Status) },
        DeferredStatusesDiscarded discarded => state with { DeferredStatuses = state.DeferredStatuses.RemoveAll(discarded.Statuses.Contains) },
        SystemMessageAdded => state with { SystemMessageCount = state.SystemMessageCount + 1 },
        NoteAdded => state,
        AssigneeChanged changed => state with
        {
            Assignee = changed.Current,
            Participants = changed.Current is { } current ? state.Participants.RemoveAll(agent => agent.Id == current.Id) : state.Participants,
        },
        ParticipantAdded added => state with { Participants = state.Participants.Add(added.Agent) },
        ParticipantRemoved removed => state with { Participants = state.Participants.RemoveAll(agent => agent.Id == removed.Agent.Id) },
        AgentLeft left => state with
        {
            Assignee = left.WasAssignee ? null : state.Assignee,
            Participants = state.Participants.RemoveAll(agent => agent.Id == left.Agent.Id),
        },
        LabelsChanged changed => state with { Labels = [.. changed.Labels] },
        MessageScheduled scheduled => state with { Scheduled = state.Scheduled.Add(scheduled.Message) },
        ScheduledMessageCancelled cancelled => state with { Scheduled = state.Scheduled.RemoveAll(scheduled => scheduled.Id == cancelled.MessageId) },
        ScheduledMessageFailed failed => state with { Scheduled = state.Scheduled.RemoveAll(scheduled => scheduled.Id == failed.Message.Id) },
        BotStarted started => state with { Bot = new BotState(true, started.FlowId, started.StepId, started.WaitingUntil) },
        BotAdvanced advanced => state with { Bot = state.Bot with { StepId = advanced.StepId, WaitingUntil = advanced.WaitingUntil } },
        BotTimedOut => state with { Bot = state.Bot with { WaitingUntil = null } },
        BotExited => state with { Bot = BotState.Inactive },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown conversation event."),
    };

    // ---- The customer and first contact ----

    private static Decision<ConversationEvent> StartWithTemplate(ConversationState state, StartWithTemplate start, DateTimeOffset now)
    {
        if (IdentityMismatch(state, start.Identity) is { } mismatch)
        {
            return mismatch;
        }

        var policy = ChannelPolicies.For(start.Identity.ChannelType);
        if (!policy.SupportsTemplates)
        {
            return Reject.TemplatesNotSupported(policy.Channel);
        }

        if (IsKnownOutbound(state, start.MessageId))
        {
            return Nothing;
        }

        var turn = new Turn(state, now);
        if (state.Identity is null)
        {
            turn.Add(new ConversationStarted(start.Identity, now));
        }

        turn.Add(new MessageQueued(Outbound(start.MessageId, start.Template, start.Author, now)));
        if (state.Status is ConversationStatus.Resolved or ConversationStatus.Snoozed)
        {
            turn.StatusChange(state.Status, ConversationStatus.Open, start.Author);
        }

        return turn.Decision;
    }

    private static Decision<ConversationEvent> Receive(ConversationState state, ReceiveMessage receive, DateTimeOffset now)
    {
        if (IdentityMismatch(state, receive.Identity) is { } mismatch)
        {
            return mismatch;
        }

        var turn = new Turn(state, now);
        if (state.Identity is null)
        {
            turn.Add(new ConversationStarted(receive.Identity, now));
        }

        turn.Add(new MessageReceived(new MessageRecord(
            receive.MessageId,
            MessageDirection.Inbound,
            receive.Content,
            MessageStatus.Received,
            receive.CustomerName is { Length: > 0 } customerName ? MessageAuthor.Customer with { Name = customerName } : MessageAuthor.Customer,
            receive.ReceivedAt,
            receive.ProviderMessageId,
            receive.ReplyTo,
            receive.ProviderTimestamp)));

        if (!WindowPolicy.OpensWindow(receive.Content))
        {
            return turn.Decision;
        }

        // The window is the latest customer message + the channel's duration, whatever order the
        // messages arrive in: an older message than the latest one changes nothing, and one whose
        // window is already over by now opens nothing.
        var policy = ChannelPolicies.For(receive.Identity.ChannelType);
        var countsFrom = WindowPolicy.CountsFrom(receive.ProviderTimestamp, receive.ReceivedAt, now);
        var expiresAt = countsFrom + policy.ServiceWindow;
        var window = state.Window;
        if (expiresAt > now && (window.ExpiresAt is not { } current || expiresAt > current))
        {
            window = new ServiceWindow(countsFrom, expiresAt);
            turn.Add(new WindowOpened(countsFrom, expiresAt));
        }

        // A customer writing wakes a resolved or snoozed conversation; pending (a bot's) stays.
        if (state.Status is ConversationStatus.Resolved or ConversationStatus.Snoozed)
        {
            turn.StatusChange(state.Status, ConversationStatus.Open, MessageAuthor.Customer);
        }

        if (WindowPolicy.AllowsFreeForm(policy, window, humanAgentTag: false, now))
        {
            // Released in the order they were held; they are sent now, so they take the time of sending.
            foreach (var held in state.Held)
            {
                turn.Add(new MessageQueued(held with { Status = MessageStatus.Queued, CreatedAt = now }, QueueOrigin.Released));
            }
        }

        return turn.Decision;
    }

    // ---- Messages to the customer ----

    private static Decision<ConversationEvent> Send(ConversationState state, SendMessage send, DateTimeOffset now)
    {
        if (!SendableContent.IsSendable(send.Content))
        {
            return Reject.ContentNotSendable(SendableContent.TypeName(send.Content));
        }

        if (IsKnownOutbound(state, send.MessageId))
        {
            return Nothing;
        }

        var policy = Policy(state);
        var message = Outbound(send.MessageId, send.Content, send.Author, now, send.ReplyTo);
        if (send.Content is TemplateContent)
        {
            return policy.SupportsTemplates
                ? Decision<ConversationEvent>.Accept(new MessageQueued(message))
                : Reject.TemplatesNotSupported(policy.Channel);
        }

        if (WindowPolicy.AllowsFreeForm(policy, state.Window, send.HumanAgentTag, now))
        {
            var tagged = send.HumanAgentTag && policy.HumanAgentWindow is not null;
            return Decision<ConversationEvent>.Accept(new MessageQueued(message, QueueOrigin.Immediate, tagged));
        }

        if (!send.HoldIfWindowClosed)
        {
            return Reject.WindowClosed(state.Window.ExpiresAt);
        }

        return state.Held.Count >= ConversationLimits.MaxHeldMessages
            ? Reject.TooManyHeldMessages(ConversationLimits.MaxHeldMessages)
            : Decision<ConversationEvent>.Accept(new MessageHeld(message with { Status = MessageStatus.Held }));
    }

    private static Decision<ConversationEvent> CancelHeld(ConversationState state, CancelHeldMessage cancel, DateTimeOffset now) =>
        state.Held.Exists(held => held.Id == cancel.MessageId)
            ? Decision<ConversationEvent>.Accept(new HeldMessageCancelled(cancel.MessageId, cancel.By, now))
            : Reject.MessageNotFound(cancel.MessageId);

    // ---- Delivery: what the silo and the provider report ----

    private static Decision<ConversationEvent> RecordSent(ConversationState state, RecordSent sent, DateTimeOffset now)
    {
        var inFlight = state.InFlight.Find(message => message.MessageId == sent.MessageId);
        if (inFlight is null)
        {
            return IsSettled(state, sent.MessageId) ? Nothing : Reject.MessageNotFound(sent.MessageId);
        }

        // A repeat, or a retried send that got a second provider id: the first one stands.
        if (inFlight.ProviderMessageId is not null)
        {
            return Nothing;
        }

        var turn = new Turn(state, now).Add(new MessageSent(sent.MessageId, sent.ProviderMessageId, now));

        // Statuses that raced the send response apply now, in the order they arrived.
        var status = MessageStatus.Sent;
        foreach (var deferred in state.DeferredStatuses.Where(deferred => deferred.ProviderMessageId == sent.ProviderMessageId))
        {
            if (DeliveryProgress.IsFinal(status, inFlight.AwaitsPlayed))
            {
                break;
            }

            var next = Normalise(deferred.Status, inFlight.AwaitsPlayed);
            if (DeliveryProgress.Advances(status, next))
            {
                turn.Add(StatusChanged(inFlight.MessageId, next, now, sent.ProviderMessageId, deferred.ProviderTimestamp, deferred.Error));
                status = next;
            }
        }

        return turn.Decision;
    }

    private static Decision<ConversationEvent> RecordSendFailed(ConversationState state, RecordSendFailed failed, DateTimeOffset now)
    {
        var inFlight = state.InFlight.Find(message => message.MessageId == failed.MessageId);
        if (inFlight is null)
        {
            return IsSettled(state, failed.MessageId) ? Nothing : Reject.MessageNotFound(failed.MessageId);
        }

        if (!DeliveryProgress.Advances(inFlight.Status, MessageStatus.Failed))
        {
            return Nothing;
        }

        var error = failed.Error is { } providerError
            ? FailureReasons.ToMessageError(providerError, failed.Reason)
            : new MessageError("send_failed", failed.Reason ?? "The message could not be sent.");
        return Decision<ConversationEvent>.Accept(new MessageStatusChanged(failed.MessageId, MessageStatus.Failed, now, inFlight.ProviderMessageId, Error: error));
    }

    private static Decision<ConversationEvent> ApplyStatus(ConversationState state, ApplyStatus report, DateTimeOffset now)
    {
        if (!DeliveryProgress.IsProviderStatus(report.Status))
        {
            return Reject.InvalidMessageStatus(report.Status.ToString());
        }

        var inFlight = state.InFlight.Find(message => message.ProviderMessageId == report.ProviderMessageId);
        if (inFlight is not null)
        {
            var next = Normalise(report.Status, inFlight.AwaitsPlayed);
            return DeliveryProgress.Advances(inFlight.Status, next)
                ? Decision<ConversationEvent>.Accept(StatusChanged(inFlight.MessageId, next, now, report.ProviderMessageId, report.ProviderTimestamp, report.Error))
                : Nothing;
        }

        var repeat = state.RecentlySettled.Exists(settled => settled.ProviderMessageId == report.ProviderMessageId)
            || state.DeferredStatuses.Exists(deferred => deferred.ProviderMessageId == report.ProviderMessageId && deferred.Status == report.Status);
        if (repeat)
        {
            return Nothing;
        }

        // Not known yet: the webhook beat the send response. Kept until RecordSent, or discarded.
        return state.DeferredStatuses.Count >= ConversationLimits.MaxDeferredStatuses
            ? Reject.TooManyDeferredStatuses(ConversationLimits.MaxDeferredStatuses)
            : Decision<ConversationEvent>.Accept(new StatusDeferred(
                new DeferredStatus(report.ProviderMessageId, report.Status, now, report.ProviderTimestamp, report.Error)));
    }

    // ---- Agents ----

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

    // ---- Scheduled messages ----

    private static Decision<ConversationEvent> Schedule(ConversationState state, ScheduleMessage schedule, DateTimeOffset now)
    {
        if (!SendableContent.IsSendable(schedule.Content))
        {
            return Reject.ContentNotSendable(SendableContent.TypeName(schedule.Content));
        }

        var policy = Policy(state);
        if (!policy.SupportsTemplates && (schedule.Content is TemplateContent || schedule.TemplateFallback is not null))
        {
            return Reject.TemplatesNotSupported(policy.Channel);
        }

        if (schedule.SendAt <= now)
        {
            return Reject.InvalidScheduleTime(schedule.SendAt, now);
        }

        if (IsKnownOutbound(state, schedule.MessageId))
        {
            return Nothing;
        }

        if (state.Scheduled.Count >= ConversationLimits.MaxScheduledMessages)
        {
            return Reject.TooManyScheduledMessages(ConversationLimits.MaxScheduledMessages);
        }

        return Decision<ConversationEvent>.Accept(new MessageScheduled(new ScheduledMessage(
            schedule.MessageId, schedule.Content, schedule.SendAt, schedule.Author, now, schedule.TemplateFallback, schedule.ReplyTo)));
    }

    private static Decision<ConversationEvent> CancelScheduled(ConversationState state, CancelScheduledMessage cancel, DateTimeOffset now) =>
        state.Scheduled.Exists(scheduled => scheduled.Id == cancel.MessageId)
            ? Decision<ConversationEvent>.Accept(new ScheduledMessageCancelled(cancel.MessageId, cancel.By, now))
            : Reject.ScheduledMessageNotFound(cancel.MessageId);

    private static Decision<ConversationEvent> SendScheduled(ConversationState state, SendScheduledMessage due, DateTimeOffset now)
    {
        // Gone means cancelled or already handled: the reminder is stale.
        var scheduled = state.Scheduled.Find(message => message.Id == due.MessageId);
        if (scheduled is null || state.Identity is null)
        {
            return Nothing;
        }

        var turn = new Turn(state, now);
        var message = Outbound(scheduled.Id, scheduled.Content, scheduled.Author, now, scheduled.ReplyTo);
        if (scheduled.Content is TemplateContent || WindowPolicy.AllowsFreeForm(Policy(state), state.Window, humanAgentTag: false, now))
        {
            return turn.Add(new MessageQueued(message, QueueOrigin.Scheduled)).Decision;
        }

        if (scheduled.TemplateFallback is { } fallback)
        {
            return turn
                .Add(new MessageQueued(message with { Content = fallback }, QueueOrigin.Scheduled))
                .System(SystemLines.ScheduledTemplateFallback(fallback.Name), scheduled.Author)
                .Decision;
        }

        var reason = Reject.WindowClosed(state.Window.ExpiresAt).Message;
        return turn
            .Add(new ScheduledMessageFailed(message with
            {
                Status = MessageStatus.Failed,
                Error = new MessageError(ConversationRejections.Codes.WindowClosed, reason),
            }))
            .System(SystemLines.ScheduledMessageFailed(state.Window.ExpiresAt), scheduled.Author)
            .Decision;
    }

    // ---- Bot ----

    private static Decision<ConversationEvent> StartBot(ConversationState state, StartBot start, DateTimeOffset now) =>
        state.Bot.Active
            ? Reject.BotAlreadyActive(state.Bot.FlowId ?? start.FlowId)
            : new Turn(state, now)
                .Add(new BotStarted(start.FlowId, start.StepId, now, start.WaitingUntil))
                .System(SystemLines.BotStarted(start.FlowId), MessageAuthor.Bot(start.FlowId))
                .Decision;

    private static Decision<ConversationEvent> AdvanceBot(ConversationState state, AdvanceBot advance, DateTimeOffset now) =>
        state.Bot.Active
            ? Decision<ConversationEvent>.Accept(new BotAdvanced(advance.StepId, now, advance.WaitingUntil))
            : Reject.BotNotActive();

    private static Decision<ConversationEvent> ExitBot(ConversationState state, ExitBot exit, DateTimeOffset now)
    {
        if (!state.Bot.Active)
        {
            return Reject.BotNotActive();
        }

        var turn = new Turn(state, now)
            .Add(new BotExited(state.Bot.FlowId ?? string.Empty, exit.By, now, exit.Reason))
            .System(SystemLines.BotExited(exit.By, exit.Reason), exit.By);

        // Humans take over at once: a conversation parked as pending for the bot becomes open.
        if (state.Status == ConversationStatus.Pending)
        {
            turn.StatusChange(ConversationStatus.Pending, ConversationStatus.Open, exit.By);
        }

        return turn.Decision;
    }

    // ---- Fired reminders ----

    private static Decision<ConversationEvent> CloseWindow(ConversationState state, CloseWindow close, DateTimeOffset now)
    {
        if (state.Identity is null
            || state.Window.CloseAnnounced
            || !ConversationReminders.IsDueAt(state.Window.ExpiresAt, close.DueAt))
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
        state.Status == ConversationStatus.Snoozed && ConversationReminders.IsDueAt(state.SnoozedUntil, end.DueAt)
            ? new Turn(state, now).StatusChange(ConversationStatus.Snoozed, ConversationStatus.Open, MessageAuthor.System).Decision
            : Nothing;

    private static Decision<ConversationEvent> TimeOutBot(ConversationState state, TimeOutBot timeout, DateTimeOffset now) =>
        state.Bot.Active && ConversationReminders.IsDueAt(state.Bot.WaitingUntil, timeout.DueAt)
            ? Decision<ConversationEvent>.Accept(new BotTimedOut(state.Bot.FlowId ?? string.Empty, state.Bot.StepId ?? string.Empty, now))
            : Nothing;

    private static Decision<ConversationEvent> DiscardExpiredStatuses(ConversationState state, DiscardExpiredStatuses discard, DateTimeOffset now)
    {
        // The later of the clock and the due time: a reminder delivered a hair early still clears what it was set for.
        var cutoff = (now > discard.DueAt ? now : discard.DueAt) + ConversationReminders.DueTolerance;
        var expired = state.DeferredStatuses
            .Where(deferred => deferred.ReceivedAt + ConversationLimits.DeferredStatusLifetime <= cutoff)
            .ToList();
        return expired.Count == 0 ? Nothing : Decision<ConversationEvent>.Accept(new DeferredStatusesDiscarded(expired));
    }

    // ---- Helpers ----

    private static ChannelPolicy Policy(ConversationState state) =>
        ChannelPolicies.For(state.Identity?.ChannelType ?? throw new InvalidOperationException("The conversation has not started."));

    private static Rejection? IdentityMismatch(ConversationState state, ConversationIdentity given) =>
        state.Identity is { } existing && existing != given ? Reject.IdentityMismatch(existing, given) : null;

    private static MessageRecord Outbound(string id, MessageContent content, MessageAuthor author, DateTimeOffset now, string? replyTo = null) =>
        new(id, MessageDirection.Outbound, content, MessageStatus.Queued, author, now, ReplyTo: replyTo);

    /// <summary>A message id this conversation already took (a retried command): the repeat does nothing.</summary>
    private static bool IsKnownOutbound(ConversationState state, string messageId) =>
        state.InFlight.Exists(message => message.MessageId == messageId)
        || state.Held.Exists(message => message.Id == messageId)
        || state.Scheduled.Exists(message => message.Id == messageId)
        || IsSettled(state, messageId);

    private static bool IsSettled(ConversationState state, string messageId) =>
        state.RecentlySettled.Exists(settled => settled.MessageId == messageId);

    /// <summary>Only voice notes are played; for anything else a "played" can only mean it was seen.</summary>
    private static MessageStatus Normalise(MessageStatus status, bool awaitsPlayed) =>
        status == MessageStatus.Played && !awaitsPlayed ? MessageStatus.Read : status;

    private static MessageStatusChanged StatusChanged(
        string messageId, MessageStatus status, DateTimeOffset now, string providerMessageId, DateTimeOffset? providerTimestamp, ProviderError? error) =>
        new(messageId, status, now, providerMessageId, providerTimestamp, status switch
        {
            not MessageStatus.Failed => null,
            _ when error is not null => FailureReasons.ToMessageError(error),
            _ => new MessageError("failed", "The provider reported the message as failed without saying why."),
        });

    private static InboundMarker? Later(InboundMarker? latest, MessageRecord received) =>
        received.ProviderMessageId is { } providerId
        && received.ProviderTimestamp is { } timestamp
        && (latest is null || timestamp >= latest.Timestamp)
            ? new InboundMarker(providerId, timestamp)
            : latest;

    private static ImmutableList<OutboundInFlight> Track(ImmutableList<OutboundInFlight> inFlight, MessageRecord message)
    {
        // Bounded: nothing older than the provider's message lifetime, and only the newest few hundred.
        var horizon = message.CreatedAt - ConversationLimits.InFlightLifetime;
        var voiceNote = message.Content is AudioContent { Voice: true };
        var tracked = inFlight
            .RemoveAll(existing => existing.QueuedAt < horizon)
            .Add(new OutboundInFlight(message.Id, message.Status, message.CreatedAt, AwaitsPlayed: voiceNote));
        return tracked.Count > ConversationLimits.MaxInFlight
            ? tracked.RemoveRange(0, tracked.Count - ConversationLimits.MaxInFlight)
            : tracked;
    }

    private static ImmutableList<OutboundInFlight> Replace(
        ImmutableList<OutboundInFlight> inFlight, string messageId, Func<OutboundInFlight, OutboundInFlight> change)
    {
        var index = inFlight.FindIndex(message => message.MessageId == messageId);
        return index < 0 ? inFlight : inFlight.SetItem(index, change(inFlight[index]));
    }

    private static ConversationState ApplyStatusChange(ConversationState state, MessageStatusChanged changed)
    {
        var index = state.InFlight.FindIndex(message => message.MessageId == changed.MessageId);
        if (index < 0)
        {
            return state;
        }

        var current = state.InFlight[index];
        var updated = current with { Status = changed.Status, ProviderMessageId = changed.ProviderMessageId ?? current.ProviderMessageId };
        if (!DeliveryProgress.IsFinal(updated.Status, updated.AwaitsPlayed))
        {
            return state with { InFlight = state.InFlight.SetItem(index, updated) };
        }

        // Settled: stop tracking it, but remember it a while so repeats are recognised.
        var settled = state.RecentlySettled.Add(new SettledMessage(updated.MessageId, updated.ProviderMessageId));
        return state with
        {
            InFlight = state.InFlight.RemoveAt(index),
            RecentlySettled = settled.Count > ConversationLimits.MaxRecentlySettled
                ? settled.RemoveRange(0, settled.Count - ConversationLimits.MaxRecentlySettled)
                : settled,
        };
    }

    /// <summary>
    /// The events of one decision, numbering system lines from the state's count the way
    /// <see cref="Apply"/> will count them.
    /// </summary>
    private sealed class Turn(ConversationState state, DateTimeOffset now)
    {
        private readonly List<ConversationEvent> events = [];
        private int systemMessages = state.SystemMessageCount;

        public Decision<ConversationEvent> Decision =>
            events.Count == 0 ? Decision<ConversationEvent>.Nothing : Decision<ConversationEvent>.Accept([.. events]);

        public Turn Add(ConversationEvent @event)
        {
            events.Add(@event);
            return this;
        }

        /// <summary>A line for agents only, authored by whoever caused it (the audit trail).</summary>
        public Turn System(SystemContent line, MessageAuthor? causedBy = null)
        {
            systemMessages++;
            return Add(new SystemMessageAdded(new MessageRecord(
                $"sys-{systemMessages}",
                MessageDirection.System,
                line,
                MessageStatus.Received,
                causedBy ?? MessageAuthor.System,
                now)));
        }

        public Turn StatusChange(ConversationStatus from, ConversationStatus to, MessageAuthor by, DateTimeOffset? snoozedUntil = null) =>
            Add(new ConversationStatusChanged(to, from, by, now, snoozedUntil))
                .System(SystemLines.StatusChanged(to, from, by, snoozedUntil), by);
    }
}
