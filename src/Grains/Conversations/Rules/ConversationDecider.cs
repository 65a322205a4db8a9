using System.Collections.Immutable;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The rules of one customer thread (product spec §2–§6): the customer-service window, sending,
/// holding and scheduling messages, delivery statuses, assignment, status, labels, notes, the
/// bot's place, and the outbox of what the conversation owes the provider. A pure decider: time
/// comes as <c>now</c> and inside commands, ids come in commands, and nothing here does I/O.
/// <see cref="ConversationGrain"/> runs it one turn at a time. The rules are split by concern
/// the way the commands are (customer, outbound, delivery, agents, schedule, bot, timers, outbox).
/// </summary>
public sealed partial class ConversationDecider : IDecider<ConversationState, ConversationCommand, ConversationEvent>
{
    private static readonly Decision<ConversationEvent> Nothing = Decision<ConversationEvent>.Nothing;

    public ConversationState Initial => ConversationState.Empty;

    /// <summary>The timers this state wants, each once by name (see <see cref="ConversationTimers"/>).</summary>
    public IReadOnlyList<DueTimer> Timers(ConversationState state) => ConversationTimers.For(state);

    /// <summary>The command a due timer becomes.</summary>
    public ConversationCommand OnTimer(DueTimer timer) => ConversationTimers.ToCommand(timer);

    public Decision<ConversationEvent> Decide(ConversationState state, ConversationCommand command, DateTimeOffset now) => command switch
    {
        // Either may be a conversation's very first command.
        StartWithTemplate start => StartWithTemplate(state, start, now),
        ReceiveMessage receive => Receive(state, receive, now),

        // Due timers check themselves against the state: a stale one does nothing.
        CloseWindow close => CloseWindow(state, close, now),
        EndSnooze end => EndSnooze(state, end, now),
        TimeOutBot timeout => TimeOutBot(state, timeout, now),
        SendScheduledMessage due => SendScheduled(state, due, now),
        DiscardExpiredStatuses discard => DiscardExpiredStatuses(state, discard, now),
        IgnoreTimer => Nothing,

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
        BeginSendAttempt begin => BeginSendAttempt(state, begin, now),
        RecordSendRetry retry => RecordSendRetry(state, retry, now),
        RecordReadReceiptDone done => RecordReadReceiptDone(state, done),
        RecordReadReceiptRetry retry => RecordReadReceiptRetry(state, retry),
        RecordMediaFetched fetched => RecordMediaFetched(state, fetched),
        RecordMediaFetchFailed failed => RecordMediaFetchFailed(state, failed),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown conversation command."),
    };

    /// <summary>Folds one event into the state; every event agents see also takes the next sequence number.</summary>
    public ConversationState Apply(ConversationState state, ConversationEvent @event)
    {
        var next = Evolve(state, @event);
        return @event is OutboxEvent ? next : next with { Sequence = state.Sequence + 1 };
    }

    private static ConversationState Evolve(ConversationState state, ConversationEvent @event) => @event switch
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
            Outbox = state.Outbox with { Inbound = state.Outbox.Inbound.RemoveAll(pending => pending.Message.Id == received.Message.Id) },
        },
        WindowOpened opened => state with { Window = new ServiceWindow(opened.LastInboundAt, opened.ExpiresAt) },
        WindowClosed => state with { Window = state.Window with { CloseAnnounced = true } },
        ConversationRead read => state with
        {
            UnreadCount = 0,
            Outbox = read.LatestInboundProviderMessageId is { } providerId
                ? state.Outbox with { ReadReceipt = new PendingReadReceipt(providerId, read.At) }
                : state.Outbox,
        },
        MessageQueued queued => state with
        {
            InFlight = Track(state.InFlight, queued.Message),
            Held = queued.Origin == QueueOrigin.Released ? state.Held.RemoveAll(held => held.Id == queued.Message.Id) : state.Held,
            Scheduled = queued.Origin == QueueOrigin.Scheduled ? state.Scheduled.RemoveAll(scheduled => scheduled.Id == queued.Message.Id) : state.Scheduled,
            Outbox = state.Outbox with { Sends = state.Outbox.Sends.Add(new PendingSend(queued.Message.Id, queued.Message.CreatedAt, queued.HumanAgentTag)) },
        },
        MessageHeld held => state with { Held = state.Held.Add(held.Message) },
        HeldMessageCancelled cancelled => state with { Held = state.Held.RemoveAll(held => held.Id == cancelled.MessageId) },
        MessageSent sent => state with
        {
            InFlight = Replace(state.InFlight, sent.MessageId, inFlight => inFlight with { Status = MessageStatus.Sent, ProviderMessageId = sent.ProviderMessageId }),
            DeferredStatuses = state.DeferredStatuses.RemoveAll(deferred => deferred.ProviderMessageId == sent.ProviderMessageId),
            Outbox = WithoutSend(state.Outbox, sent.MessageId),
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
        OutboxEvent outbox => state with { Outbox = EvolveOutbox(state.Outbox, outbox) },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown conversation event."),
    };

    // ---- Shared by the rules ----

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
