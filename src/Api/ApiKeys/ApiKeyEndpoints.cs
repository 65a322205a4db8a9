using System.Security.Claims;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.ApiKeys;

/// <summary>
/// API keys of a tenant, managed by its admins. A key and its signing secret are shown once, in the
/// answer that creates them; afterwards only the prefix identifies the key. Revoking is immediate:
/// the authentication handler looks keys up on every request.
/// </summary>
public static class ApiKeyEndpoints
{
    public sealed record CreateApiKeyRequest(string? Name, string[]? Scopes);

    /// <summary>A key as listed: never its secrets. Properties rather than a positional record: Dapper reads text[] only into settable properties.</summary>
    public sealed record ApiKeyView
    {
        public required string Id { get; init; }

        public required string Name { get; init; }

        public required string Prefix { get; init; }

        public string[] Scopes { get; init; } = [];

        public DateTime CreatedAt { get; init; }

        public DateTime? RevokedAt { get; init; }
    }

    /// <summary>The one answer that carries the secrets.</summary>
    public sealed record CreatedApiKey(string Id, string Name, string Prefix, string[] Scopes, DateTime CreatedAt, string Key, string SigningSecret)
    {
        public override string ToString() => $"CreatedApiKey {{ Id = {Id}, Prefix = {Prefix} }}";
    }

    private const string Columns = "id as Id, name as Name, key_prefix as Prefix, scopes as Scopes, created_at as CreatedAt, revoked_at as RevokedAt";

    public static void MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(AuthSetup.AdminPolicy);
        keys.MapGet("/", ListAsync)
            .Produces<ApiKeyView[]>();
        keys.MapPost("/", CreateAsync)
            .Produces<CreatedApiKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        keys.MapDelete("/{id}", RevokeAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var keys = await connection.QueryAsync<ApiKeyView>(new CommandDefinition(
            $"select {Columns} from api_keys where tenant_id = @TenantId order by created_at, id",
            new { TenantId = user.TenantId() }, cancellationToken: cancellationToken));
        return Results.Ok(keys);
    }

    private static async Task<IResult> CreateAsync(CreateApiKeyRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var scopes = (request.Scopes ?? []).Select(s => s?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        var unknown = scopes.Where(s => !Scopes.All.Contains(s)).ToArray();
        var validation = new RequestValidation()
            .Require("name", request.Name, 200)
            .Check(scopes.Length > 0, "scopes", "scopes must name at least one scope.")
            .Check(unknown.Length == 0, "scopes", $"Unknown scope(s): {string.Join(", ", unknown.Select(s => $"'{s}'"))}. Known: {string.Join(", ", Scopes.All.Order(StringComparer.Ordinal))}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var secrets = ApiKeySecrets.Generate();
        var id = Ids.New("ak");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var createdAt = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            """
            insert into api_keys (tenant_id, id, name, key_hash, key_prefix, scopes, signing_secret)
            values (@TenantId, @id, @Name, @KeyHash, @Prefix, @scopes, @SigningSecret)
            returning created_at
            """,
            new { TenantId = user.TenantId(), id, Name = request.Name!.Trim(), secrets.KeyHash, secrets.Prefix, scopes, secrets.SigningSecret },
            cancellationToken: cancellationToken));
        return Results.Created(
            $"/api/v1/api-keys/{id}",
            new CreatedApiKey(id, request.Name.Trim(), secrets.Prefix, scopes, createdAt, secrets.Key, secrets.SigningSecret));
    }

    /// <summary>Revoking twice is not an error; the first revocation time is kept.</summary>
    private static async Task<IResult> RevokeAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            "update api_keys set revoked_at = coalesce(revoked_at, now()) where tenant_id = @TenantId and id = @id",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return found == 0 ? ApiProblems.NotFound("API key") : Results.NoContent();
    }
}
