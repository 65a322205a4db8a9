using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Inbox.Realtime;

/// <summary>
/// Chat lists get <c>conversationUpdated</c>: the conversation as the inbox reads it (contact name
/// included), re-read after its turns. A snapshot, never a delta, so a late or lost one cannot
/// paint an old picture. Changes are gathered per tenant for a short moment and re-read in one
/// query, so a busy tenant costs one read per moment rather than one per turn; a conversation
/// changed many times in that moment is sent once, as it is at the end.
/// </summary>
public sealed partial class ConversationSnapshots(IHubContext<InboxHub> hub, ConversationQueries queries, TimeProvider time, ILogger<ConversationSnapshots> logger)
{
    /// <summary>How long changes gather before they are read and sent: the chat list's delay at most, besides the read.</summary>
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, HashSet<string>> changed = new(StringComparer.Ordinal);

    public void Changed(string tenantId, string conversationId)
    {
        lock (changed)
        {
            if (changed.TryGetValue(tenantId, out var gathering))
            {
                gathering.Add(conversationId);
                return;
            }

            changed[tenantId] = [conversationId];
        }

        _ = Task.Run(() => SendAsync(tenantId));
    }

    private async Task SendAsync(string tenantId)
    {
        await Task.Delay(Gather, time);
        HashSet<string> conversationIds;
        lock (changed)
        {
            changed.Remove(tenantId, out conversationIds!);
        }

        try
        {
            var tenant = hub.Clients.Group(InboxGroups.Tenant(tenantId));
            var conversations = await queries.FindManyAsync(tenantId, conversationIds, CancellationToken.None);
            await Task.WhenAll(conversations.Select(conversation =>
                tenant.SendAsync(InboxEvents.ConversationUpdated, new { conversationId = conversation.Id, sequence = conversation.Sequence, conversation })));
        }
        catch (Exception ex)
        {
            LogSnapshotsFailed(logger, conversationIds.Count, tenantId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Count} snapshots of tenant {TenantId} failed")]
    private static partial void LogSnapshotsFailed(ILogger logger, int count, string tenantId, Exception exception);
}
