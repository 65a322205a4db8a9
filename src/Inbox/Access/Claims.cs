using System.Security.Claims;

namespace Switchboard.Inbox.Access;

/// <summary>The claims we put on a signed-in principal, and typed access to them.</summary>
public static class Claims
{
    public const string Tenant = "tenant";
    public const string Agent = "agent";
    public const string ApiKey = "api_key";
    public const string Scope = "scope";
    public const string Role = ClaimTypes.Role;

    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The principal carries no tenant.");

    /// <summary>The signed-in agent, or null for an API client.</summary>
    public static string? AgentId(this ClaimsPrincipal user) => user.FindFirstValue(Agent);

    public static string? ApiKeyId(this ClaimsPrincipal user) => user.FindFirstValue(ApiKey);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>Who did it, for audit lines: the agent id or <c>api:&lt;key id&gt;</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.AgentId() ?? $"api:{user.ApiKeyId()}";
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Agent = "agent";
}
