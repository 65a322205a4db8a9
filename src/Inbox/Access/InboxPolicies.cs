namespace Switchboard.Inbox.Access;

/// <summary>Authorization policy names the inbox's hub and the Api share.</summary>
public static class InboxPolicies
{
    /// <summary>A signed-in agent (any role); API keys do not qualify.</summary>
    public const string Agent = "agent";
}
