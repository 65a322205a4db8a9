using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Switchboard.Api.Auth;
using Switchboard.Api.Conversations;

namespace Switchboard.Api.Realtime;

/// <summary>
/// The agents' live channel. A connection joins its tenant's group (chat-list snapshots,
/// template and assignment news) and its own agent group; <see cref="Watch"/> adds the events of
/// one conversation, after checking the conversation is the caller's tenant's.
/// </summary>
[Authorize(Policy = AuthSetup.AgentPolicy)]
public sealed class InboxHub(ConversationQueries queries, InboxPresence presence) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var tenantId = Context.User!.TenantId();
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Tenant(tenantId));
        await Groups.AddToGroupAsync(Context.ConnectionId, InboxGroups.Agent(tenantId, Context.User!.AgentId()!));
        presence.Connected(tenantId);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(Context.User!.TenantId());
        return base.OnDisconnectedAsync(exception);
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
