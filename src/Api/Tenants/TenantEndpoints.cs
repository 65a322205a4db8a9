using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.Tenants;

/// <summary>The platform operator creates tenants, each with its first admin.</summary>
public static class TenantEndpoints
{
    public sealed record CreateTenantRequest(string? Name, string? AdminEmail, string? AdminPassword, string? AdminName);

    public sealed record TenantCreated(string Id, string Name);

    public static void MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/tenants", CreateAsync)
            .WithTags("Tenants")
            .AllowAnonymous()
            .AddEndpointFilter<OperatorKeyFilter>()
            .Produces<TenantCreated>(201);
    }

    private static async Task<IResult> CreateAsync(CreateTenantRequest request, NpgsqlDataSource dataSource, Passwords passwords, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require("name", request.Name, 200)
            .Require("adminEmail", request.AdminEmail, 320)
            .Require("adminPassword", request.AdminPassword, 200)
            .Check(request.AdminEmail is null || request.AdminEmail.Contains('@'), "adminEmail", "adminEmail must be an email address.")
            .Check(request.AdminPassword is null || request.AdminPassword.Length >= Passwords.MinimumLength, "adminPassword", $"adminPassword must be at least {Passwords.MinimumLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = Ids.New("tn");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("insert into tenants (id, name) values ($1, $2)") { Parameters = { new() { Value = tenantId }, new() { Value = request.Name!.Trim() } } },
                new NpgsqlBatchCommand(
                    "insert into agents (tenant_id, id, email, name, role, password_hash) values ($1, $2, $3, $4, 'admin', $5)")
                {
                    Parameters =
                    {
                        new() { Value = tenantId }, new() { Value = Ids.New("ag") }, new() { Value = request.AdminEmail!.Trim() },
                        new() { Value = request.AdminName?.Trim() is { Length: > 0 } name ? name : "Admin" },
                        new() { Value = passwords.Hash(request.AdminPassword!) },
                    },
                },
            },
        })
        {
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return ApiProblems.Conflict("email_taken", "An account with this email already exists.");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Results.Created($"/api/v1/tenants/{tenantId}", new TenantCreated(tenantId, request.Name!.Trim()));
    }
}
