using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// Messages to the customer: sent now, held until the customer writes, or refused.
public sealed partial class ConversationDecider
{
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
}
