using System.Security.Claims;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.Agents;

/// <summary>Agents and admins of a tenant. Everyone may list them (to assign and transfer); admins manage them.</summary>
public static class AgentEndpoints
{
    public sealed record AgentView(string Id, string Email, string Name, string Role, bool Active, int Capacity);

    public sealed record CreateAgentRequest(string? Email, string? Name, string? Password, string? Role, int? Capacity);

    public sealed record UpdateAgentRequest(string? Name, string? Role, string? Password, bool? Active, int? Capacity);

    private const string Columns = "id as Id, email as Email, name as Name, role as Role, active as Active, capacity as Capacity";

    public static void MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/v1/agents").WithTags("Agents").RequireAuthorization(AuthSetup.AgentPolicy);
        agents.MapGet("/", ListAsync);
        agents.MapGet("/{id}", GetAsync);
        agents.MapPost("/", CreateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
        agents.MapPatch("/{id}", UpdateAsync).RequireAuthorization(AuthSetup.AdminPolicy);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var agents = await connection.QueryAsync<AgentView>(new CommandDefinition(
            $"select {Columns} from agents where tenant_id = @TenantId order by name", new { TenantId = user.TenantId() }, cancellationToken: cancellationToken));
        return Results.Ok(agents);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var agent = await connection.QuerySingleOrDefaultAsync<AgentView>(new CommandDefinition(
            $"select {Columns} from agents where tenant_id = @TenantId and id = @id", new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return agent is null ? ApiProblems.NotFound("agent") : Results.Ok(agent);
    }

    private static async Task<IResult> CreateAsync(CreateAgentRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Passwords passwords, CancellationToken cancellationToken)
    {
        var role = request.Role ?? Roles.Agent;
        var validation = new RequestValidation()
            .Require("email", request.Email, 320)
            .Require("name", request.Name, 200)
            .Require("password", request.Password, 200)
            .Check(request.Email is null || request.Email.Contains('@'), "email", "email must be an email address.")
            .Check(request.Password is null || request.Password.Length >= Passwords.MinimumLength, "password", $"password must be at least {Passwords.MinimumLength} characters.")
            .Check(role is Roles.Agent or Roles.Admin, "role", "role must be 'agent' or 'admin'.")
            .Check(request.Capacity is null or (>= 1 and <= 100), "capacity", "capacity must be between 1 and 100.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var agent = new AgentView(Ids.New("ag"), request.Email!.Trim(), request.Name!.Trim(), role, true, request.Capacity ?? 100);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into agents (tenant_id, id, email, name, role, password_hash, capacity)
                values (@TenantId, @Id, @Email, @Name, @Role, @Hash, @Capacity)
                """,
                new { TenantId = user.TenantId(), agent.Id, agent.Email, agent.Name, agent.Role, Hash = passwords.Hash(request.Password!), agent.Capacity },
                cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ApiProblems.Conflict("email_taken", "An account with this email already exists.");
        }

        return Results.Created($"/api/v1/agents/{agent.Id}", agent);
    }

    private static async Task<IResult> UpdateAsync(string id, UpdateAgentRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Passwords passwords, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Optional("name", request.Name, 200)
            .Check(request.Role is null or Roles.Agent or Roles.Admin, "role", "role must be 'agent' or 'admin'.")
            .Check(request.Password is null || request.Password.Length >= Passwords.MinimumLength, "password", $"password must be at least {Passwords.MinimumLength} characters.")
            .Check(request.Capacity is null or (>= 1 and <= 100), "capacity", "capacity must be between 1 and 100.")
            .Check(!(id == user.AgentId() && request.Active == false), "active", "You cannot deactivate yourself.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var agent = await connection.QuerySingleOrDefaultAsync<AgentView>(new CommandDefinition(
            $"""
            update agents set
                name = coalesce(@Name, name),
                role = coalesce(@Role, role),
                password_hash = coalesce(@Hash, password_hash),
                active = coalesce(@Active, active),
                capacity = coalesce(@Capacity, capacity)
            where tenant_id = @TenantId and id = @id
            returning {Columns}
            """,
            new
            {
                TenantId = user.TenantId(), id, Name = request.Name?.Trim(), request.Role,
                Hash = request.Password is null ? null : passwords.Hash(request.Password), request.Active, request.Capacity,
            },
            cancellationToken: cancellationToken));
        return agent is null ? ApiProblems.NotFound("agent") : Results.Ok(agent);
    }
}
