using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Npgsql;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Auth;

public static class AuthEndpoints
{
    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record Me(string Id, string TenantId, string TenantName, string Email, string Name, string Role);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();
        app.MapGet("/api/v1/me", MeAsync).WithTags("Auth").RequireAuthorization(AuthSetup.AgentPolicy);
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, HttpContext context, NpgsqlDataSource dataSource, Passwords passwords, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Require("email", request.Email, 320).Require("password", request.Password, 200);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var agent = await connection.QuerySingleOrDefaultAsync<AgentLogin>(new CommandDefinition(
            """
            select a.tenant_id as TenantId, a.id as Id, a.name as Name, a.role as Role, a.password_hash as PasswordHash
            from agents a where lower(a.email) = lower(@Email) and a.active
            """, new { request.Email }, cancellationToken: cancellationToken));

        // One answer for an unknown email and a wrong password, so sign-in reveals no accounts.
        if (agent is null || !passwords.Verify(agent.PasswordHash, request.Password!))
        {
            return ApiProblems.Of(401, "invalid_credentials", "Sign-in failed", "The email or password is wrong.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(Claims.Tenant, agent.TenantId),
                new Claim(Claims.Agent, agent.Id),
                new Claim(ClaimTypes.Name, agent.Name),
                new Claim(Claims.Role, agent.Role),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name,
            Claims.Role);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Ok(new { agent.Id, agent.TenantId, agent.Name, agent.Role });
    }

    private static async Task<IResult> MeAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var me = await connection.QuerySingleOrDefaultAsync<Me>(new CommandDefinition(
            """
            select a.id as Id, a.tenant_id as TenantId, t.name as TenantName, a.email as Email, a.name as Name, a.role as Role
            from agents a join tenants t on t.id = a.tenant_id
            where a.tenant_id = @TenantId and a.id = @AgentId and a.active
            """, new { TenantId = user.TenantId(), AgentId = user.AgentId() }, cancellationToken: cancellationToken));
        return me is null ? ApiProblems.Of(401, "unauthorized", "Unauthorized", "This account no longer exists.") : Results.Ok(me);
    }

    private sealed record AgentLogin(string TenantId, string Id, string Name, string Role, string PasswordHash);
}
