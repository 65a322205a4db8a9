using Microsoft.AspNetCore.Authorization;
using Switchboard.Api.Auth;

namespace Switchboard.Api.ApiKeys;

/// <summary>
/// Who may call an endpoint that both people and API keys use. <see cref="AuthSetup.RequireScope{TBuilder}"/>
/// admits any signed-in agent; some writes are for admins among people but still open to a key
/// that an admin granted the scope (templates, for example).
/// </summary>
public static class ApiKeyAccess
{
    /// <summary>An admin signed in, or an API key holding <paramref name="scope"/>.</summary>
    public static TBuilder RequireAdminOrScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireClaim(Claims.Tenant)
            .RequireAssertion(context => context.User.AgentId() is not null
                ? context.User.IsAdmin()
                : context.User.HasClaim(Claims.Scope, scope))
            .Build());

    /// <summary>Any signed-in agent, or an API key holding at least one of <paramref name="scopes"/>.</summary>
    public static TBuilder RequireAgentOrAnyScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
            .RequireClaim(Claims.Tenant)
            .RequireAssertion(context => context.User.AgentId() is not null
                || scopes.Any(scope => context.User.HasClaim(Claims.Scope, scope)))
            .Build());
}
