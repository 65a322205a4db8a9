using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// Scheduled messages: kept until their time, then sent, sent as their template fallback, or failed.
public sealed partial class ConversationDecider
{
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
}
