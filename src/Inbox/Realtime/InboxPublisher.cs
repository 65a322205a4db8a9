using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Switchboard.Grains.Conversations;

namespace Switchboard.Inbox.Realtime;

/// <summary>
/// Tells agents' screens what a conversation turn committed, through SignalR's Redis backplane, from
/// whichever silo hosts the conversation. Called after the turn is durable and never waited on: a
/// slow or absent Redis must not hold a conversation up. Pub/sub is at most once; screens detect a
/// missed event by its sequence and re-read. Messages of one turn are issued in order on one
/// connection, so Redis delivers them in order.
/// </summary>
public sealed partial class InboxPublisher(IHubContext<InboxHub> hub, ConversationSnapshots snapshots, TimeProvider time, ILogger<InboxPublisher> logger)
{
    public void Published(ConversationKey key, IEnumerable<(ConversationEvent Event, long Sequence)> events)
    {
        var conversationId = key.ConversationId;
        var watchers = hub.Clients.Group(InboxGroups.Conversation(key.TenantId, conversationId));
        var tenant = hub.Clients.Group(InboxGroups.Tenant(key.TenantId));
        var now = time.GetUtcNow();
        var any = false;
        foreach (var (@event, sequence) in events)
        {
            if (InboxMessages.For(conversationId, sequence, @event, now) is not { } message)
            {
                continue;
            }

            any = true;
            Send(watchers, message, conversationId);
            if (message.ToTenant)
            {
                Send(tenant, message, conversationId);
            }
        }

        if (any)
        {
            snapshots.Changed(key.TenantId, conversationId);
        }
    }

    private void Send(IClientProxy group, InboxMessage message, string conversationId) =>
        _ = group.SendAsync(message.Name, message.Payload).ContinueWith(
            failed => LogPublishFailed(logger, message.Name, conversationId, failed.Exception!),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Event} of {ConversationId} to screens failed; they re-read when they notice")]
    private static partial void LogPublishFailed(ILogger logger, string @event, string conversationId, Exception exception);
}
