using System.Security.Claims;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Settings;

/// <summary>
/// The signed-in tenant's own settings: what customers are told when an agent leaves a
/// conversation, and how many days message history is kept. There is no id to guess: a caller
/// only ever reads and changes its own tenant's row.
/// </summary>
public static class SettingsEndpoints
{
    public const int LeaveMessageMaxLength = 1024;
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;

    /// <param name="LeaveMessage">Null: the customer is told nothing when an agent leaves.</param>
    public sealed record SettingsView(string? LeaveMessage, int RetentionDays);

    /// <summary>Absent fields stay; an empty leaveMessage turns the message off.</summary>
    public sealed record UpdateSettingsRequest(string? LeaveMessage, int? RetentionDays);

    private const string Columns = "leave_message as LeaveMessage, retention_days as RetentionDays";

    public static void MapSettingsEndpoints(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/v1/settings").WithTags("Settings").RequireAuthorization(AuthSetup.AgentPolicy);
        settings.MapGet("/", GetAsync)
            .Produces<SettingsView>();
        settings.MapPatch("/", UpdateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<SettingsView>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var settings = await connection.QuerySingleOrDefaultAsync<SettingsView>(new CommandDefinition(
            $"select {Columns} from tenants where id = @TenantId", new { TenantId = user.TenantId() }, cancellationToken: cancellationToken));
        return settings is null ? ApiProblems.NotFound("tenant") : Results.Ok(settings);
    }

    private static async Task<IResult> UpdateAsync(UpdateSettingsRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Optional("leaveMessage", request.LeaveMessage, LeaveMessageMaxLength)
            .Check(request.RetentionDays is null or (>= MinRetentionDays and <= MaxRetentionDays), "retentionDays", $"retentionDays must be between {MinRetentionDays} and {MaxRetentionDays}.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var settings = await connection.QuerySingleOrDefaultAsync<SettingsView>(new CommandDefinition(
            $"""
            update tenants set
                leave_message = case when @LeaveMessage::text is null then leave_message else nullif(@LeaveMessage, '') end,
                retention_days = coalesce(@RetentionDays, retention_days)
            where id = @TenantId
            returning {Columns}
            """,
            new { TenantId = user.TenantId(), LeaveMessage = request.LeaveMessage?.Trim(), request.RetentionDays },
            cancellationToken: cancellationToken));
        return settings is null ? ApiProblems.NotFound("tenant") : Results.Ok(settings);
    }
}
