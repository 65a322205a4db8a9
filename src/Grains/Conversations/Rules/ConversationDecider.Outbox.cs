using System.Collections.Immutable;
using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Messages;

namespace Switchboard.Grains.Conversations;

// The outbox: attempts and retries of provider sends (one at a time, in order), the read receipt,
// and customer messages waiting for their media. The grain shell makes the requests; these rules
// decide what is tried when, and when to give up.
public sealed partial class ConversationDecider
{
    private static Decision<ConversationEvent> BeginSendAttempt(ConversationState state, BeginSendAttempt begin, DateTimeOffset now)
    {
        // Only the head goes, and only once at a time: order is kept and nothing is sent twice at once.
        if (state.Outbox.Sends.FirstOrDefault() is not { } head
            || head.MessageId != begin.MessageId
            || head.AttemptStartedAt is not null
            || head.RetryAt > now)
        {
            return Nothing;
        }

        // Whatever kept it from going (throttling, uploads that never finish), it is not tried for ever.
        if (head.Attempts >= ConversationLimits.MaxSendAttempts)
        {
            return RecordSendFailed(state, new RecordSendFailed(
                head.MessageId, Reason: $"The message could not be sent after {head.Attempts} attempts."), now);
        }

        return Decision<ConversationEvent>.Accept(new SendAttemptStarted(head.MessageId, head.Attempts + 1, now));
    }

    private static Decision<ConversationEvent> RecordSendRetry(ConversationState state, RecordSendRetry retry, DateTimeOffset now)
    {
        if (state.Outbox.Sends.Find(send => send.MessageId == retry.MessageId) is not { AttemptStartedAt: not null } pending)
        {
            return Nothing;
        }

        // The provider keeps no idempotency key: a request whose outcome stayed unknown may have gone
        // through. A duplicate chat line beats a lost one, but only a bounded number of times.
        if (retry.OutcomeUnknown && pending.UnknownOutcomes + 1 >= ConversationLimits.MaxUnknownSendOutcomes)
        {
            return RecordSendFailed(state, new RecordSendFailed(
                retry.MessageId, Reason: "The provider did not answer; the message may not have been delivered."), now);
        }

        return Decision<ConversationEvent>.Accept(new SendRetryScheduled(retry.MessageId, retry.RetryAt, retry.Reason, retry.OutcomeUnknown));
    }

    private static Decision<ConversationEvent> RecordReadReceiptDone(ConversationState state, RecordReadReceiptDone done) =>
        state.Outbox.ReadReceipt?.ProviderMessageId == done.ProviderMessageId
            ? Decision<ConversationEvent>.Accept(new ReadReceiptSettled(done.ProviderMessageId))
            : Nothing;

    private static Decision<ConversationEvent> RecordReadReceiptRetry(ConversationState state, RecordReadReceiptRetry retry)
    {
        if (state.Outbox.ReadReceipt is not { } receipt || receipt.ProviderMessageId != retry.ProviderMessageId)
        {
            return Nothing;
        }

        // A receipt is a courtesy: after a few failures it is dropped rather than retried for ever.
        return receipt.Failures + 1 >= ConversationLimits.MaxReadReceiptFailures
            ? Decision<ConversationEvent>.Accept(new ReadReceiptSettled(retry.ProviderMessageId))
            : Decision<ConversationEvent>.Accept(new ReadReceiptRetryScheduled(retry.ProviderMessageId, retry.RetryAt));
    }

    private static Decision<ConversationEvent> RecordMediaFetched(ConversationState state, RecordMediaFetched fetched) =>
        state.Outbox.Inbound.Exists(pending => pending.Message.Id == fetched.MessageId && pending.FetchMedia)
            ? Release(state, new InboundMediaCopied(fetched.MessageId, fetched.Media))
            : Nothing;

    private static Decision<ConversationEvent> RecordMediaFetchFailed(ConversationState state, RecordMediaFetchFailed failed)
    {
        if (state.Outbox.Inbound.Find(pending => pending.Message.Id == failed.MessageId && pending.FetchMedia) is not { } waiting)
        {
            return Nothing;
        }

        // Gone for good, or still failing after a few tries: the message is shown without our copy
        // rather than held back for ever.
        return failed.RetryAt is { } retryAt && waiting.Failures + 1 < ConversationLimits.MaxMediaFetchFailures
            ? Decision<ConversationEvent>.Accept(new InboundMediaRetryScheduled(failed.MessageId, retryAt, failed.Reason))
            : Release(state, new InboundMediaAbandoned(failed.MessageId, failed.Reason));
    }

    /// <summary>The change to a waiting message, then every message at the head of the queue that is now ready, in order.</summary>
    private static Decision<ConversationEvent> Release(ConversationState state, OutboxEvent change)
    {
        var events = new List<ConversationEvent> { change };
        var queue = EvolveOutbox(state.Outbox, change).Inbound;
        events.AddRange(queue.TakeWhile(pending => !pending.FetchMedia).Select(pending => new MessageReceived(pending.Message)));
        return Decision<ConversationEvent>.Accept(events);
    }

    private static ConversationOutbox EvolveOutbox(ConversationOutbox outbox, OutboxEvent @event) => @event switch
    {
        SendAttemptStarted started => outbox with
        {
            Sends = ChangeSend(outbox.Sends, started.MessageId, send => send with { Attempts = started.Attempt, AttemptStartedAt = started.At, RetryAt = null }),
        },
        SendRetryScheduled retry => outbox with
        {
            Sends = ChangeSend(outbox.Sends, retry.MessageId, send => send with
            {
                AttemptStartedAt = null,
                RetryAt = retry.RetryAt,
                UnknownOutcomes = send.UnknownOutcomes + (retry.OutcomeUnknown ? 1 : 0),
                LastError = retry.Reason,
            }),
        },
        ReadReceiptSettled settled => outbox.ReadReceipt?.ProviderMessageId == settled.ProviderMessageId ? outbox with { ReadReceipt = null } : outbox,
        ReadReceiptRetryScheduled retry => outbox.ReadReceipt is { } receipt && receipt.ProviderMessageId == retry.ProviderMessageId
            ? outbox with { ReadReceipt = receipt with { Failures = receipt.Failures + 1, RetryAt = retry.RetryAt } }
            : outbox,
        InboundHeldBack held => outbox with { Inbound = outbox.Inbound.Add(held.Pending) },
        InboundMediaCopied copied => outbox with
        {
            Inbound = ChangeInbound(outbox.Inbound, copied.MessageId, pending => pending with
            {
                Message = pending.Message with { Content = WithMedia(pending.Message.Content, copied.Media) },
                FetchMedia = false,
                RetryAt = null,
            }),
        },
        InboundMediaRetryScheduled retry => outbox with
        {
            Inbound = ChangeInbound(outbox.Inbound, retry.MessageId, pending => pending with { Failures = pending.Failures + 1, RetryAt = retry.RetryAt }),
        },
        InboundMediaAbandoned abandoned => outbox with
        {
            Inbound = ChangeInbound(outbox.Inbound, abandoned.MessageId, pending => pending with { FetchMedia = false, RetryAt = null }),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Unknown outbox event."),
    };

    private static ConversationOutbox WithoutSend(ConversationOutbox outbox, string messageId) =>
        outbox with { Sends = outbox.Sends.RemoveAll(send => send.MessageId == messageId) };

    private static ImmutableList<PendingSend> ChangeSend(ImmutableList<PendingSend> sends, string messageId, Func<PendingSend, PendingSend> change)
    {
        var index = sends.FindIndex(send => send.MessageId == messageId);
        return index < 0 ? sends : sends.SetItem(index, change(sends[index]));
    }

    private static ImmutableList<PendingInbound> ChangeInbound(ImmutableList<PendingInbound> inbound, string messageId, Func<PendingInbound, PendingInbound> change)
    {
        var index = inbound.FindIndex(pending => pending.Message.Id == messageId);
        return index < 0 ? inbound : inbound.SetItem(index, change(inbound[index]));
    }

    private static MessageContent WithMedia(MessageContent content, MediaRef media) =>
        content is MediaContent withMedia ? withMedia with { Media = media } : content;
}
