using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Switchboard.Delivery;
using Switchboard.Grains.Abstractions;
using Switchboard.Inbox.Realtime;
using Switchboard.Storage.Conversations;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The Orleans shell around <see cref="ConversationDecider"/>: one activation per conversation.
/// A turn asks the rules on the latest state, adds the outbox's own bookkeeping (recording a send
/// attempt before it is made), and is written before it answers; only then does it act: it pushes
/// the events to agents' screens and starts the provider work the outbox is due for. That work runs
/// off the turn (an upload may take minutes) and reports back with a command, a turn like any other.
/// Turns are decided one after another, but the grain does not sit idle while one is written: the
/// turns that arrive meanwhile are decided on top of it and written together next (see
/// <c>ConversationGrain.Writes.cs</c>), so a busy conversation costs one write per burst, not per turn.
/// Nothing that must survive lives only in memory: a new activation finds an attempt left open by
/// a dead one in the state, and settles it when its lease runs out.
/// </summary>
[Reentrant]
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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        key = ConversationKey.Parse(this.GetPrimaryKeyString());
        committed = current = stored.State.State;
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
        var turn = await DecideAsync(new Request(command, expectedSequence));
        if (turn.Events.Count > 0)
        {
            if (await CommitAsync(turn) is not { } written)
            {
                return new ConversationReply(committed.Sequence, [], Duplicate: true);
            }

            turn = written;
        }

        Start(turn.Work);
        return turn.Reply;
    }

    /// <summary>What was last written: never a turn still on its way to storage.</summary>
    public Task<ConversationSnapshot> Read(CancellationToken cancellationToken) => Task.FromResult(new ConversationSnapshot(committed));

    public async Task Wake(DateTimeOffset asOf)
    {
        var turn = await DecideAsync(new Request(Wake: asOf));
        if (turn.Events.Count > 0)
        {
            turn = await CommitAsync(turn) ?? turn;
        }

        Start(turn.Work);
    }

    /// <summary>
    /// A request's turn, decided on the latest state: a command (refused, perhaps, with nothing to
    /// write), or a wake that fires the timers due by then; and in either case the outbox's bookkeeping.
    /// </summary>
    private Turn Decide(Request request, ConversationState state)
    {
        var now = clock.GetUtcNow();
        var turn = new Turn(request, rules, state);
        if (request.Command is { } command)
        {
            if (request.ExpectedSequence is { } expected && expected != state.Sequence)
            {
                turn.Refuse(StaleVersion(expected, state.Sequence));
                return turn;
            }

            var decision = turn.Decide(command, now);
            if (decision.Rejection is { } rejection)
            {
                turn.Refuse(rejection);
                return turn;
            }

            turn.Answer(decision.Events);
        }
        else if (request.Wake is { } asOf)
        {
            // The database said it is time; a node whose clock lags behind it still acts now.
            now = Later(now, asOf);
            foreach (var timer in rules.Timers(state).Where(timer => timer.DueAt <= asOf).OrderBy(timer => timer.DueAt))
            {
                if (turn.Decide(rules.OnTimer(timer), now).Rejection is { } rejection)
                {
                    LogTimerRefused(logger, key.ToString(), timer.Name, rejection.Code);
                }
            }
        }

        turn.Work = PlanOutbox(turn, now);
        return turn;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static Rejection StaleVersion(long expected, long actual) => new(
        "stale_version",
        $"It changed since you looked (version {actual}, not {expected}); reload and try again.",
        new Dictionary<string, object?> { ["currentVersion"] = actual });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: timer {Timer} was refused ({Code})")]
    private static partial void LogTimerRefused(ILogger logger, string key, string timer, string code);

    /// <summary>What a turn was asked: a command (with the sequence its sender saw, if any), or a wake.</summary>
    private sealed record Request(ConversationCommand? Command = null, long? ExpectedSequence = null, DateTimeOffset? Wake = null);

    /// <summary>One request's decision: the events it gathers from the rules and the outbox, the state they lead to, its answer and its provider work.</summary>
    private sealed class Turn(Request request, ConversationDecider rules, ConversationState state)
    {
        private readonly List<ConversationEvent> events = [];

        public Request Request => request;

        public ConversationState Before { get; } = state;

        public ConversationState After { get; private set; } = state;

        public IReadOnlyList<ConversationEvent> Events => events;

        public ConversationReply Reply { get; private set; } = new(state.Sequence, []);

        public List<OutboxWork> Work { get; set; } = [];

        public string? IdempotencyKey => (request.Command as IIdempotentCommand)?.IdempotencyKey;

        /// <summary>Completed with the turn as written, or null when it repeats a command applied before.</summary>
        public TaskCompletionSource<Turn?> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Decision<ConversationEvent> Decide(ConversationCommand command, DateTimeOffset now)
        {
            var decision = rules.Decide(After, command, now);
            foreach (var @event in decision.Events)
            {
                After = rules.Apply(After, @event);
                events.Add(@event);
            }

            return decision;
        }

        public void Refuse(Rejection rejection) => Reply = new ConversationReply(Before.Sequence, [], rejection);

        /// <summary>The command's own events (the outbox's bookkeeping after them is not the caller's business).</summary>
        public void Answer(IReadOnlyList<ConversationEvent> commandEvents) => Reply = new ConversationReply(After.Sequence, commandEvents);
    }
}
