using System.Security.Claims;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Storage.Channels;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.Channels;

/// <summary>
/// Sending numbers. Every agent may list them (to pick one for a conversation); admins add,
/// change and remove them. Secrets go in and never come out. Removing is soft: conversations
/// and messages keep pointing at the number, and its phone-number id may be registered again.
/// </summary>
public static class ChannelEndpoints
{
    private const string Columns =
        """
        id as Id, type as Type, name as Name, display_phone_number as DisplayPhoneNumber, phone_number_id as PhoneNumberId,
        waba_id as WabaId, graph_base_url as GraphBaseUrl, graph_version as GraphVersion, throughput_per_second as ThroughputPerSecond,
        status as Status, status = 'healthy' as Healthy, access_token <> '' as HasAccessToken, app_secret <> '' as HasAppSecret,
        verify_token <> '' as HasVerifyToken, created_at as CreatedAt
        """;

    public static void MapChannelEndpoints(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/v1/channels").WithTags("Channels").RequireAuthorization(AuthSetup.AgentPolicy);
        channels.MapGet("/", ListAsync)
            .Produces<ChannelView[]>();
        channels.MapGet("/{id}", GetAsync)
            .Produces<ChannelView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<ChannelView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        channels.MapPatch("/{id}", UpdateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<ChannelView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        channels.MapDelete("/{id}", DeleteAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var channels = await connection.QueryAsync<ChannelView>(new CommandDefinition(
            $"select {Columns} from channels where tenant_id = @TenantId and deleted_at is null order by created_at, id",
            new { TenantId = user.TenantId() }, cancellationToken: cancellationToken));
        return Results.Ok(channels);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var channel = await connection.QuerySingleOrDefaultAsync<ChannelView>(new CommandDefinition(
            $"select {Columns} from channels where tenant_id = @TenantId and id = @id and deleted_at is null",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return channel is null ? ApiProblems.NotFound("channel") : Results.Ok(channel);
    }

    private static async Task<IResult> CreateAsync(
        CreateChannelRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, ChannelStore channelStore, CancellationToken cancellationToken)
    {
        var validation = ChannelRules.Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var displayPhoneNumber = request.DisplayPhoneNumber!.Trim();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var channel = await connection.QuerySingleAsync<ChannelView>(new CommandDefinition(
                $"""
                insert into channels (tenant_id, id, type, name, display_phone_number, phone_number_id, waba_id, access_token, app_secret,
                                      verify_token, graph_base_url, graph_version, throughput_per_second, status)
                values (@TenantId, @Id, @Type, @Name, @DisplayPhoneNumber, @PhoneNumberId, @WabaId, @AccessToken, @AppSecret,
                        @VerifyToken, @GraphBaseUrl, coalesce(@GraphVersion, 'v21.0'), coalesce(@ThroughputPerSecond, 80), coalesce(@Status, 'healthy'))
                returning {Columns}
                """,
                new
                {
                    TenantId = user.TenantId(),
                    Id = Ids.New("ch"),
                    Type = ChannelRules.WhatsApp,
                    Name = request.Name?.Trim() ?? displayPhoneNumber,
                    DisplayPhoneNumber = displayPhoneNumber,
                    PhoneNumberId = request.PhoneNumberId!.Trim(),
                    WabaId = request.WabaId!.Trim(),
                    AccessToken = request.AccessToken!.Trim(),
                    AppSecret = request.AppSecret!.Trim(),
                    VerifyToken = request.VerifyToken!.Trim(),
                    GraphBaseUrl = ChannelRules.NormalizeBaseUrl(request.GraphBaseUrl) ?? ChannelRules.DefaultGraphBaseUrl,
                    GraphVersion = request.GraphVersion?.Trim(),
                    request.ThroughputPerSecond,
                    Status = request.Status?.Trim(),
                },
                cancellationToken: cancellationToken));
            channelStore.Invalidate();
            return Results.Created($"/api/v1/channels/{channel.Id}", channel);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return PhoneNumberInUse();
        }
    }

    private static async Task<IResult> UpdateAsync(
        string id, UpdateChannelRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, ChannelStore channelStore, CancellationToken cancellationToken)
    {
        var validation = ChannelRules.Validate(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var channel = await connection.QuerySingleOrDefaultAsync<ChannelView>(new CommandDefinition(
                $"""
                update channels set
                    name = coalesce(@Name, name),
                    display_phone_number = coalesce(@DisplayPhoneNumber, display_phone_number),
                    phone_number_id = coalesce(@PhoneNumberId, phone_number_id),
                    waba_id = coalesce(@WabaId, waba_id),
                    access_token = coalesce(@AccessToken, access_token),
                    app_secret = coalesce(@AppSecret, app_secret),
                    verify_token = coalesce(@VerifyToken, verify_token),
                    graph_base_url = coalesce(@GraphBaseUrl, graph_base_url),
                    graph_version = coalesce(@GraphVersion, graph_version),
                    throughput_per_second = coalesce(@ThroughputPerSecond, throughput_per_second),
                    status = coalesce(@Status, status)
                where tenant_id = @TenantId and id = @id and deleted_at is null
                returning {Columns}
                """,
                new
                {
                    TenantId = user.TenantId(),
                    id,
                    Name = request.Name?.Trim(),
                    DisplayPhoneNumber = request.DisplayPhoneNumber?.Trim(),
                    PhoneNumberId = request.PhoneNumberId?.Trim(),
                    WabaId = request.WabaId?.Trim(),
                    AccessToken = request.AccessToken?.Trim(),
                    AppSecret = request.AppSecret?.Trim(),
                    VerifyToken = request.VerifyToken?.Trim(),
                    GraphBaseUrl = ChannelRules.NormalizeBaseUrl(request.GraphBaseUrl),
                    GraphVersion = request.GraphVersion?.Trim(),
                    request.ThroughputPerSecond,
                    Status = request.Status?.Trim(),
                },
                cancellationToken: cancellationToken));
            if (channel is null)
            {
                return ApiProblems.NotFound("channel");
            }

            // This node forgets at once; other nodes' caches expire within ChannelStore.CacheFor.
            channelStore.Invalidate();
            return Results.Ok(channel);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return PhoneNumberInUse();
        }
    }

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, ChannelStore channelStore, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "update channels set deleted_at = now() where tenant_id = @TenantId and id = @id and deleted_at is null",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            return ApiProblems.NotFound("channel");
        }

        channelStore.Invalidate();
        return Results.NoContent();
    }

    // Says nothing about who holds the number: it may be another tenant.
    private static IResult PhoneNumberInUse() =>
        ApiProblems.Conflict("phone_number_in_use", "This phoneNumberId is already registered as a live channel; remove that channel first.");
}
