namespace Switchboard.Inbox.Realtime;

/// <summary>SignalR group names. Every name carries the tenant, so no group spans tenants.</summary>
public static class InboxGroups
{
    public static string Tenant(string tenantId) => $"tenant:{tenantId}";

    public static string Agent(string tenantId, string agentId) => $"agent:{tenantId}:{agentId}";

    public static string Conversation(string tenantId, string conversationId) => $"conversation:{tenantId}:{conversationId}";
}
