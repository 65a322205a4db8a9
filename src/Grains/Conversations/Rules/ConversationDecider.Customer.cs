using Switchboard.Grains.Abstractions;
using Switchboard.Grains.Channels;
using Switchboard.Grains.Messages;
using Reject = Switchboard.Grains.Conversations.ConversationRejections;

namespace Switchboard.Grains.Conversations;

// The customer and first contact: a template opening the conversation, a customer writing.
public sealed partial class ConversationDecider
{
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

        var message = new MessageRecord(
            receive.MessageId,
            MessageDirection.Inbound,
            receive.Content,
            MessageStatus.Received,
            receive.CustomerName is { Length: > 0 } customerName ? MessageAuthor.Customer with { Name = customerName } : MessageAuthor.Customer,
            receive.ReceivedAt,
            receive.ProviderMessageId,
            receive.ReplyTo,
            receive.ProviderTimestamp);

        // The message shows once its media is in our store (the provider's links expire in
        // minutes); a message behind one that waits, waits too, so the timeline keeps the
        // customer's order. Everything else a customer's message does happens now. A queue at
        // its bound lets the message through at once, without a copy of its media.
        var waiting = state.Outbox.Inbound;
        if (waiting.Count < ConversationLimits.MaxInboundWaiting && (NeedsMediaCopy(receive.Content) || !waiting.IsEmpty))
        {
            turn.Add(new InboundHeldBack(new PendingInbound(message, NeedsMediaCopy(receive.Content))));
        }
        else
        {
            turn.Add(new MessageReceived(message));
        }

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

    /// <summary>Media the provider holds and we do not have yet.</summary>
    private static bool NeedsMediaCopy(MessageContent content) =>
        content is MediaContent { Media: { ProviderMediaId: not null, MediaId: null } };
}
