using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Switchboard.Delivery;
using Switchboard.Grains.Abstractions;
using Switchboard.Inbox.Realtime;
using Switchboard.Storage.Conversations;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The Orleans shell around <see cref="ConversationDecider"/>: one activation per conversation, one
/// turn at a time. A turn asks the rules, adds the outbox's own bookkeeping (recording a send
/// attempt before it is made), writes everything in one storage write, and only then acts: it
/// pushes the events to agents' screens and starts the provider work the outbox is due for. That
/// work runs off the turn (an upload may take minutes) and reports back with a command, which is
/// a turn like any other. Nothing that must survive lives only in memory here: a new activation
/// finds an attempt left open by a dead one in the state, and settles it when its lease runs out.
/// </summary>
public sealed partial class ConversationGrain(
    [PersistentState("conversation", ConversationGrainStorage.Name)] IPersistentState<ConversationDocument> stored,
    ConversationDecider rules,
    OutboundSender sends,
    ReadReceiptSender receipts,
    InboundMediaFetcher media,
    InboxPublisher inbox,
    TimeProvider clock,
    ILogger<ConversationGrain> logger) : Grain, IConversationGrain
{
    /// <summary>How long deactivation waits for provider work in flight before leaving it to the next activation.</summary>
    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(20);

    // Provider work this activation started and has not heard back from, by outbox item.
    private readonly ConcurrentDictionary<string, Task> inFlight = new();
    private readonly CancellationTokenSource stopping = new();
    private ConversationKey key;

    private ConversationState State => stored.State.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        key = ConversationKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Hand back what is in flight: let it finish and report (to the next activation) rather
        // than leave an attempt to be guessed at once its lease runs out.
        var pending = inFlight.Values.ToArray();
        if (pending.Length > 0)
        {
            await Task.WhenAny(Task.WhenAll(pending), Task.Delay(HandBackTimeout, clock, cancellationToken));
        }

        await stopping.CancelAsync();
        stopping.Dispose();
    }

    public async Task<ConversationReply> Execute(ConversationCommand command, long? expectedSequence, CancellationToken cancellationToken)
    {
        Settled(command);
        if (expectedSequence is { } expected && expected != State.Sequence)
        {
            return new ConversationReply(State.Sequence, [], StaleVersion(expected, State.Sequence));
        }

        var now = clock.GetUtcNow();
        var turn = new Turn(rules, State);
        var decision = turn.Decide(command, now);
        if (decision.Rejection is { } rejection)
        {
            return new ConversationReply(State.Sequence, [], rejection);
        }

        var work = PlanOutbox(turn, now);
        if (!await CommitAsync(turn, (command as IIdempotentCommand)?.IdempotencyKey))
        {
            return new ConversationReply(State.Sequence, [], Duplicate: true);
        }

        Start(work);
        return new ConversationReply(State.Sequence, decision.Events);
    }

    public Task<ConversationSnapshot> Read(CancellationToken cancellationToken) => Task.FromResult(new ConversationSnapshot(State));

    public async Task Wake(DateTimeOffset asOf)
    {
        // The database said it is time; a node whose clock lags behind it still acts now.
        var now = Later(clock.GetUtcNow(), asOf);
        var turn = new Turn(rules, State);
        foreach (var timer in rules.Timers(State).Where(timer => timer.DueAt <= asOf).OrderBy(timer => timer.DueAt))
        {
            if (turn.Decide(rules.OnTimer(timer), now).Rejection is { } rejection)
            {
                LogTimerRefused(logger, key.ToString(), timer.Name, rejection.Code);
            }
        }

        var work = PlanOutbox(turn, now);
        await CommitAsync(turn, idempotencyKey: null);
        Start(work);
    }

    /// <summary>
    /// The outbox's bookkeeping for this turn, decided by the rules: the head send's attempt is
    /// recorded before it is made, and an attempt a dead activation left open is settled once its
    /// lease has run out. Answers the provider work to start once the turn is durable.
    /// </summary>
    private List<OutboxWork> PlanOutbox(Turn turn, DateTimeOffset now)
    {
        var work = new List<OutboxWork>();
        for (var tries = 0; tries <= turn.State.Outbox.Sends.Count && turn.State.Outbox.Sends.FirstOrDefault() is { } head; tries++)
        {
            if (inFlight.ContainsKey(OutboxWork.SendId(head.MessageId)) || head.RetryAt > now)
            {
                break;
            }

            if (head.AttemptStartedAt is { } started)
            {
                if (now < started + ConversationLimits.SendAttemptLease)
                {
                    break;
                }

                LogAttemptAbandoned(logger, key.ToString(), head.MessageId, started);
                turn.Decide(new RecordSendRetry(head.MessageId, now, "The attempt's outcome was never recorded.", OutcomeUnknown: true), now);
                continue;
            }

            var begin = turn.Decide(new BeginSendAttempt(head.MessageId), now);
            if (begin.Events is [SendAttemptStarted])
            {
                work.Add(OutboxWork.Send(turn.State.Outbox.Sends[0]));
                break;
            }

            if (begin.Events.Count == 0)
            {
                break;
            }

            // The head was given up on (too many attempts): the next one may go.
        }

        if (turn.State.Outbox.ReadReceipt is { } receipt && !(receipt.RetryAt > now) && !inFlight.ContainsKey(OutboxWork.ReceiptId(receipt.ProviderMessageId)))
        {
            work.Add(OutboxWork.Receipt(receipt));
        }

        foreach (var waiting in turn.State.Outbox.Inbound.Where(p => p.FetchMedia && !(p.RetryAt > now) && !inFlight.ContainsKey(OutboxWork.MediaId(p.Message.Id))))
        {
            work.Add(OutboxWork.Media(waiting));
        }

        return work;
    }

    /// <returns>False when the command was applied before (its idempotency key was consumed); nothing was written then.</returns>
    private async Task<bool> CommitAsync(Turn turn, string? idempotencyKey)
    {
        if (turn.Events.Count == 0)
        {
            return true;
        }

        var before = State;
        var sequence = before.Sequence;
        var events = turn.Events.Select(e => new SequencedEvent(e, e is OutboxEvent ? null : ++sequence)).ToList();
        stored.State.State = turn.State;
        stored.State.Turn = new ConversationTurn(events, idempotencyKey, ConversationTimers.NextDueAt(turn.State));
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Not written, or not known to be: keep the state last known written. If it was written
            // after all, the next write fails its version check and Orleans reactivates from storage.
            Restore(before);
            throw;
        }

        if (stored.State.Turn is { AlreadyApplied: true })
        {
            Restore(before);
            return false;
        }

        inbox.Published(key, events.Where(e => e.Sequence is not null).Select(e => (e.Event, e.Sequence!.Value)));
        return true;
    }

    private void Restore(ConversationState before)
    {
        stored.State.State = before;
        stored.State.Turn = null;
    }

    /// <summary>Starts provider work off the turn; each reports its outcome back to this grain as a command.</summary>
    private void Start(List<OutboxWork> work)
    {
        if (work.Count == 0)
        {
            return;
        }

        var self = this.AsReference<IConversationGrain>();
        var token = stopping.Token;
        foreach (var item in work)
        {
            // Registered before it runs, so its own clean-up can never come first, and removed only
            // as itself (a later attempt of the same item may be in flight by then).
            Task? running = null;
            var run = new Task<Task>(async () =>
            {
                try
                {
                    var outcome = item switch
                    {
                        { PendingSend: { } send } => await sends.SendAsync(key, send, token),
                        { PendingReadReceipt: { } receipt } => await receipts.SendAsync(key, receipt, token),
                        { PendingInbound: { } waiting } => await media.CopyAsync(key, waiting, token),
                        _ => throw new InvalidOperationException($"Unknown outbox work {item.Id}."),
                    };
                    await self.Execute(outcome);
                }
                catch (Exception ex)
                {
                    // Not recorded: the item stays in the outbox and is tried again when the grain is woken.
                    LogWorkFailed(logger, key.ToString(), item.Id, ex);
                }
                finally
                {
                    inFlight.TryRemove(KeyValuePair.Create(item.Id, running!));
                }
            });
            running = run.Unwrap();
            inFlight[item.Id] = running;
            run.Start(TaskScheduler.Default);
        }
    }

    /// <summary>A command reporting provider work: that work is no longer in flight, whatever the turn decides.</summary>
    private void Settled(ConversationCommand command)
    {
        var id = command switch
        {
            RecordSent sent => OutboxWork.SendId(sent.MessageId),
            RecordSendFailed failed => OutboxWork.SendId(failed.MessageId),
            RecordSendRetry retry => OutboxWork.SendId(retry.MessageId),
            RecordReadReceiptDone done => OutboxWork.ReceiptId(done.ProviderMessageId),
            RecordReadReceiptRetry retry => OutboxWork.ReceiptId(retry.ProviderMessageId),
            RecordMediaFetched fetched => OutboxWork.MediaId(fetched.MessageId),
            RecordMediaFetchFailed failed => OutboxWork.MediaId(failed.MessageId),
            _ => null,
        };
        if (id is not null)
        {
            inFlight.TryRemove(id, out _);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static Rejection StaleVersion(long expected, long actual) => new(
        "stale_version",
        $"It changed since you looked (version {actual}, not {expected}); reload and try again.",
        new Dictionary<string, object?> { ["currentVersion"] = actual });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: timer {Timer} was refused ({Code})")]
    private static partial void LogTimerRefused(ILogger logger, string key, string timer, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: the send of {MessageId} started at {StartedAt} never reported back; its outcome is unknown")]
    private static partial void LogAttemptAbandoned(ILogger logger, string key, string messageId, DateTimeOffset startedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: outbox work {Work} failed before it could report; it will be tried again")]
    private static partial void LogWorkFailed(ILogger logger, string key, string work, Exception exception);

    /// <summary>The events one turn gathers from several decisions, and the state they lead to.</summary>
    private sealed class Turn(ConversationDecider rules, ConversationState state)
    {
        private readonly List<ConversationEvent> events = [];

        public ConversationState State { get; private set; } = state;

        public IReadOnlyList<ConversationEvent> Events => events;

        public Decision<ConversationEvent> Decide(ConversationCommand command, DateTimeOffset now)
        {
            var decision = rules.Decide(State, command, now);
            foreach (var @event in decision.Events)
            {
                State = rules.Apply(State, @event);
                events.Add(@event);
            }

            return decision;
        }
    }

    /// <summary>One piece of provider work the outbox is due for.</summary>
    private sealed record OutboxWork(string Id, PendingSend? PendingSend = null, PendingReadReceipt? PendingReadReceipt = null, PendingInbound? PendingInbound = null)
    {
        public static string SendId(string messageId) => "send:" + messageId;

        public static string ReceiptId(string providerMessageId) => "receipt:" + providerMessageId;

        public static string MediaId(string messageId) => "media:" + messageId;

        public static OutboxWork Send(PendingSend send) => new(SendId(send.MessageId), PendingSend: send);

        public static OutboxWork Receipt(PendingReadReceipt receipt) => new(ReceiptId(receipt.ProviderMessageId), PendingReadReceipt: receipt);

        public static OutboxWork Media(PendingInbound waiting) => new(MediaId(waiting.Message.Id), PendingInbound: waiting);
    }
}
