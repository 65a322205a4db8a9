using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Switchboard.Api.Auth;

/// <summary>
/// <c>Authorization: Bearer sbk_…</c>. Keys are stored as SHA-256 hashes (they are long random
/// strings, so a slow hash adds nothing); the lookup is by hash, which also makes the
/// comparison independent of how much of the key matched.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    NpgsqlDataSource dataSource) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "apikey";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var key = header["Bearer ".Length..].Trim();
        await using var connection = await dataSource.OpenConnectionAsync(Context.RequestAborted);
        var found = await connection.QuerySingleOrDefaultAsync<(string TenantId, string Id, string[] Scopes)?>(
            new CommandDefinition(
                "select tenant_id, id, scopes from api_keys where key_hash = @hash and revoked_at is null",
                new { hash = Hash(key) },
                cancellationToken: Context.RequestAborted));
        if (found is not { } apiKey)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(Claims.Tenant, apiKey.TenantId), new(Claims.ApiKey, apiKey.Id) };
        claims.AddRange(apiKey.Scopes.Select(s => new Claim(Claims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Results.Problem(
            statusCode: 401, type: "unauthorized", title: "Unauthorized",
            detail: "A valid API key is required: Authorization: Bearer <key>.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            statusCode: 403, type: "forbidden", title: "Forbidden",
            detail: "This API key lacks the scope this request needs.").ExecuteAsync(Context);
    }
}
