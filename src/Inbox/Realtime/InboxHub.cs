using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Switchboard.Inbox.Access;
using Switchboard.Inbox.Conversations;

namespace Switchboard.Inbox.Realtime;

/// <summary>
/// The agents' live channel, served by every Api node and scaled out through Redis. Silos publish
/// to it too (through <see cref="IHubContext{THub}"/> on the same backplane), which is why it lives
/// here and not in the Api: the Redis channel names carry this type's full name. A connection joins
/// its tenant's group (chat-list snapshots, template and assignment news) and its own agent group;
/// <see cref="Watch"/> adds the events of one conversation, after checking it is the caller's tenant's.
/// </summary>
[Authorize(Policy = InboxPolicies.Agent)]
public sealed class InboxHub(ConversationQueries queries) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var tenantId = Context.User!.TenantId();
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Tenant(tenantId));
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Agent(tenantId, Context.User!.AgentId()!));
        await base.OnConnectedAsync();
    }

    /// <summary>Receive every event of this conversation. Another tenant's id is refused as unknown.</summary>
    /// <returns>The conversation as it is now, so the caller starts from a known sequence.</returns>
    public async Task<ConversationView> Watch(string conversationId)
    {
        var tenantId = Context.User!.TenantId();
        var conversation = await queries.FindAsync(tenantId, conversationId, Context.ConnectionAborted)
            ?? throw new HubException("not_found: there is no conversation with that id.");
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Conversation(tenantId, conversationId));
        return conversation;
    }

    public Task Unwatch(string conversationId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, InboxGroups.Conversation(Context.User!.TenantId(), conversationId));
}
