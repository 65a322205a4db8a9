using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Inbox.Realtime;

/// <summary>
/// Chat lists get <c>conversationUpdated</c>: the conversation as the inbox reads it (contact name
/// included), re-read after the turn and at most one per conversation per short window however many
/// turns land in it. A snapshot, never a delta, so a late or lost one cannot paint an old picture.
/// </summary>
public sealed partial class ConversationSnapshots(IHubContext<InboxHub> hub, ConversationQueries queries, TimeProvider time, ILogger<ConversationSnapshots> logger)
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(25);

    private readonly ConcurrentDictionary<(string TenantId, string ConversationId), byte> pending = new();

    public void Changed(string tenantId, string conversationId)
    {
        if (!pending.TryAdd((tenantId, conversationId), 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(Coalesce, time);
                pending.TryRemove((tenantId, conversationId), out _);
                if (await queries.FindAsync(tenantId, conversationId, CancellationToken.None) is { } conversation)
                {
                    await hub.Clients.Group(InboxGroups.Tenant(tenantId)).SendAsync(
                        InboxEvents.ConversationUpdated,
                        new { conversationId, sequence = conversation.Sequence, conversation });
                }
            }
            catch (Exception ex)
            {
                pending.TryRemove((tenantId, conversationId), out _);
                LogSnapshotFailed(logger, conversationId, ex);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a snapshot of {ConversationId} failed")]
    private static partial void LogSnapshotFailed(ILogger logger, string conversationId, Exception exception);
}
