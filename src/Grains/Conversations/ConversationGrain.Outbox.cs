using Microsoft.Extensions.Logging;

namespace Switchboard.Grains.Conversations;

// The outbox's side of a turn: the bookkeeping it adds to the turn's events, and the provider work
// it starts once the turn is written, which reports back as commands.
public sealed partial class ConversationGrain
{
    // Work planned by turns decided but not yet written (its start waits for their write).
    private readonly HashSet<string> planned = new(StringComparer.Ordinal);

    /// <summary>
    /// The outbox's bookkeeping for this turn, decided by the rules: the head send's attempt is
    /// recorded before it is made, and an attempt a dead activation left open is settled once its
    /// lease has run out. Answers the provider work to start once the turn is durable.
    /// </summary>
    private List<OutboxWork> PlanOutbox(Turn turn, DateTimeOffset now)
    {
        var work = new List<OutboxWork>();
        for (var tries = 0; tries <= turn.After.Outbox.Sends.Count && turn.After.Outbox.Sends.FirstOrDefault() is { } head; tries++)
        {
            if (Busy(OutboxWork.SendId(head.MessageId)) || head.RetryAt > now)
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
                work.Add(Planned(OutboxWork.Send(turn.After.Outbox.Sends[0])));
                break;
            }

            if (begin.Events.Count == 0)
            {
                break;
            }

            // The head was given up on (too many attempts): the next one may go.
        }

        if (turn.After.Outbox.ReadReceipt is { } receipt && !(receipt.RetryAt > now) && !Busy(OutboxWork.ReceiptId(receipt.ProviderMessageId)))
        {
            work.Add(Planned(OutboxWork.Receipt(receipt)));
        }

        foreach (var waiting in turn.After.Outbox.Inbound.Where(p => p.FetchMedia && !(p.RetryAt > now) && !Busy(OutboxWork.MediaId(p.Message.Id))))
        {
            work.Add(Planned(OutboxWork.Media(waiting)));
        }

        return work;
    }

    /// <summary>Work started, or planned by a turn still on its way to storage: not to be planned again.</summary>
    private bool Busy(string workId) => inFlight.ContainsKey(workId) || planned.Contains(workId);

    private OutboxWork Planned(OutboxWork work)
    {
        planned.Add(work.Id);
        return work;
    }

    /// <summary>Turns that were not written: the work they planned was never started.</summary>
    private void Unplan(IEnumerable<Turn> turns)
    {
        foreach (var work in turns.SelectMany(turn => turn.Work))
        {
            planned.Remove(work.Id);
        }
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
            planned.Remove(item.Id);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: the send of {MessageId} started at {StartedAt} never reported back; its outcome is unknown")]
    private static partial void LogAttemptAbandoned(ILogger logger, string key, string messageId, DateTimeOffset startedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation {Key}: outbox work {Work} failed before it could report; it will be tried again")]
    private static partial void LogWorkFailed(ILogger logger, string key, string work, Exception exception);

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
