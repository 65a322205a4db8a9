using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Switchboard.Api.Auth;

/// <summary>
/// Agents sign in with a session cookie; API clients send a bearer key. One policy scheme
/// picks between them per request, so every endpoint accepts whichever its policy allows.
/// </summary>
public static class AuthSetup
{
    public const string AdminPolicy = "admin";
    public const string AgentPolicy = InboxPolicies.Agent;
    private const string SmartScheme = "cookie-or-key";

    public static IServiceCollection AddSwitchboardAuth(this IServiceCollection services)
    {
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "sb_session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // An API answers with status codes, never with a redirect to a login page.
                o.Events.OnRedirectToLogin = context => WriteProblemAsync(context.HttpContext, 401, "unauthorized", "Sign in first.");
                o.Events.OnRedirectToAccessDenied = context => WriteProblemAsync(context.HttpContext, 403, "forbidden", "Your role does not allow this.");
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(Claims.Tenant).Build())
            .AddPolicy(AdminPolicy, p => p.RequireClaim(Claims.Agent).RequireRole(Roles.Admin))
            .AddPolicy(AgentPolicy, p => p.RequireClaim(Claims.Agent));
        foreach (var scope in Scopes.All)
        {
            services.AddAuthorizationBuilder().AddPolicy(scope, p => p.RequireAssertion(context => HasScope(context.User, scope)));
        }

        return services;
    }

    /// <summary>Requires the scope of an API key, or a signed-in agent.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(scope);

    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.AgentId() is not null || user.HasClaim(Claims.Scope, scope);

    private static Task WriteProblemAsync(HttpContext context, int status, string type, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, type: type, title: status == 401 ? "Unauthorized" : "Forbidden", detail: detail)
            .ExecuteAsync(context);
    }
}
