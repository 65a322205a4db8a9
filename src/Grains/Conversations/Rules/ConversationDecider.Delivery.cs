using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// Delivery: what the provider reports about messages to the customer (accepted, failed, statuses).
public sealed partial class ConversationDecider
{
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

        // The provider echoes our id: the send went through even if its answer never reached us
        // (the sender died mid-request). Record it as sent, then apply the status as usual.
        if (report.MessageId is { } ourId && state.InFlight.Exists(message => message.MessageId == ourId && message.ProviderMessageId is null))
        {
            var sent = RecordSent(state, new RecordSent(ourId, report.ProviderMessageId), now);
            var afterSent = sent.Events.Aggregate(state, (current, @event) => Evolve(current, @event));
            var status = ApplyStatus(afterSent, report with { MessageId = null }, now);
            return status.IsRejected ? sent : Decision<ConversationEvent>.Accept([.. sent.Events, .. status.Events]);
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

    private static ConversationState ApplyStatusChange(ConversationState state, MessageStatusChanged changed)
    {
        // A failed send leaves the outbox: nothing more will be tried.
        if (changed.Status == MessageStatus.Failed)
        {
            state = state with { Outbox = WithoutSend(state.Outbox, changed.MessageId) };
        }

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
}
