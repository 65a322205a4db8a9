using System.Text.Json;
using Switchboard.Grains.Conversations;
using Switchboard.Grains.Json;
using Switchboard.Grains.Messages;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Inbox.Realtime;

/// <summary>
/// The one mapping from a conversation's events to what agents' screens receive (api.md,
/// Real-time). Watchers of a conversation get exactly one message per event they can see, each
/// carrying the event's sequence, so a gap tells a screen it missed one and should re-read.
/// </summary>
public static class InboxMessages
{
    /// <summary>The hub message for one event; null for the outbox's bookkeeping, which screens never see.</summary>
    public static InboxMessage? For(string conversationId, long sequence, ConversationEvent @event, DateTimeOffset now) => @event switch
    {
        OutboxEvent => null,
        MessageReceived e => Created(conversationId, sequence, e.Message),
        MessageQueued e => Created(conversationId, sequence, e.Message),
        MessageHeld e => Created(conversationId, sequence, e.Message),
        SystemMessageAdded e => Created(conversationId, sequence, e.Message),
        NoteAdded e => Created(conversationId, sequence, e.Note),
        ScheduledMessageFailed e => Created(conversationId, sequence, e.Message),
        MessageSent e => new(InboxEvents.MessageStatusChanged, new
        {
            conversationId, sequence, messageId = e.MessageId, status = ContractNames.Of(MessageStatus.Sent), providerMessageId = e.ProviderMessageId,
        }),
        MessageStatusChanged e => new(InboxEvents.MessageStatusChanged, new
        {
            conversationId, sequence, messageId = e.MessageId, status = ContractNames.Of(e.Status), providerMessageId = e.ProviderMessageId,
            error = e.Error is null ? null : new ErrorView(e.Error.Code, e.Error.Reason),
        }),
        WindowOpened e => new(InboxEvents.WindowChanged, new
        {
            conversationId, sequence, window = new WindowView(now < e.ExpiresAt, e.ExpiresAt, e.LastInboundAt),
        }),
        WindowClosed e => new(InboxEvents.WindowChanged, new { conversationId, sequence, window = new WindowView(false, e.ClosedAt, null) }),
        // Assignment news goes to the whole tenant as well: it moves chats between agents' lists.
        AssigneeChanged e => new(InboxEvents.AssignmentChanged, new
        {
            conversationId, sequence,
            assignee = e.Current is null ? null : new AgentSummary(e.Current.Id, e.Current.Name),
            previous = e.Previous is null ? null : new AgentSummary(e.Previous.Id, e.Previous.Name),
        }, ToTenant: true),
        BotStarted e => new(InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, e.FlowId) }),
        BotAdvanced => new(InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, null) }),
        BotTimedOut e => new(InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(true, e.FlowId) }),
        BotExited => new(InboxEvents.BotChanged, new { conversationId, sequence, bot = new BotView(false, null) }),
        _ => new(InboxEvents.ConversationUpdated, new { conversationId, sequence, change = @event.GetType().Name }),
    };

    /// <summary>A timeline item in the same shape as <c>GET …/messages</c> returns.</summary>
    public static MessageView View(string conversationId, long sequence, MessageRecord message)
    {
        var content = JsonSerializer.SerializeToElement(message.Content, ContractJson.Options);
        return new MessageView(
            message.Id, conversationId, sequence, ContractNames.Of(message.Direction), content.GetProperty("type").GetString() ?? "unknown", content,
            message.Content.Preview, ContractNames.Of(message.Status),
            new AuthorView(ContractNames.Of(message.Author.Kind), message.Author.Id, message.Author.Name),
            message.ProviderMessageId, message.ReplyTo,
            message.Error is null ? null : new ErrorView(message.Error.Code, message.Error.Reason),
            message.CreatedAt, message.ProviderTimestamp);
    }

    private static InboxMessage Created(string conversationId, long sequence, MessageRecord message) =>
        new(InboxEvents.MessageCreated, new { conversationId, sequence, message = View(conversationId, sequence, message) });
}

/// <summary>A hub message: the client event's name and payload, and whether the tenant group gets it too.</summary>
public sealed record InboxMessage(string Name, object Payload, bool ToTenant = false);
