using System.Security.Claims;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.CannedResponses;

/// <summary>
/// Saved replies agents drop into the composer by short code ("/greeting"). Every agent may read
/// them; admins manage them. Short codes are unique per tenant regardless of case.
/// </summary>
public static partial class CannedResponseEndpoints
{
    public const int ShortCodeMaxLength = 50;
    public const int ContentMaxLength = 4096;

    public sealed record CannedResponseView(string Id, string ShortCode, string Content, DateTime CreatedAt);

    public sealed record CreateCannedResponseRequest(string? ShortCode, string? Content);

    public sealed record UpdateCannedResponseRequest(string? ShortCode, string? Content);

    private const string Columns = "id as Id, short_code as ShortCode, content as Content, created_at as CreatedAt";

    public static void MapCannedResponseEndpoints(this IEndpointRouteBuilder app)
    {
        var responses = app.MapGroup("/api/v1/canned-responses").WithTags("Canned responses").RequireAuthorization(AuthSetup.AgentPolicy);
        responses.MapGet("/", ListAsync)
            .Produces<CannedResponseView[]>();
        responses.MapGet("/{id}", GetAsync)
            .Produces<CannedResponseView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        responses.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<CannedResponseView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        responses.MapPatch("/{id}", UpdateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<CannedResponseView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        responses.MapDelete("/{id}", DeleteAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary><c>?q=</c> narrows to short codes starting with it (what the composer types after '/').</summary>
    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken, string? q = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var responses = await connection.QueryAsync<CannedResponseView>(new CommandDefinition(
            $"""
            select {Columns} from canned_responses
            where tenant_id = @TenantId and (@Prefix::text is null or starts_with(lower(short_code), @Prefix))
            order by lower(short_code), id
            """,
            new { TenantId = user.TenantId(), Prefix = string.IsNullOrWhiteSpace(q) ? null : q.Trim().TrimStart('/').ToLowerInvariant() },
            cancellationToken: cancellationToken));
        return Results.Ok(responses);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var response = await connection.QuerySingleOrDefaultAsync<CannedResponseView>(new CommandDefinition(
            $"select {Columns} from canned_responses where tenant_id = @TenantId and id = @id",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return response is null ? ApiProblems.NotFound("canned response") : Results.Ok(response);
    }

    private static async Task<IResult> CreateAsync(CreateCannedResponseRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require("shortCode", request.ShortCode, ShortCodeMaxLength)
            .Check(request.ShortCode is null || ShortCode().IsMatch(request.ShortCode.Trim()), "shortCode", "shortCode may use only letters, digits, '_' and '-'.")
            .Require("content", request.Content, ContentMaxLength);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var response = await connection.QuerySingleAsync<CannedResponseView>(new CommandDefinition(
                $"insert into canned_responses (tenant_id, id, short_code, content) values (@TenantId, @Id, @ShortCode, @Content) returning {Columns}",
                new { TenantId = user.TenantId(), Id = Ids.New("cr"), ShortCode = request.ShortCode!.Trim(), request.Content },
                cancellationToken: cancellationToken));
            return Results.Created($"/api/v1/canned-responses/{response.Id}", response);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ShortCodeTaken(request.ShortCode!.Trim());
        }
    }

    private static async Task<IResult> UpdateAsync(string id, UpdateCannedResponseRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(request.ShortCode is null || (request.ShortCode.Trim().Length <= ShortCodeMaxLength && ShortCode().IsMatch(request.ShortCode.Trim())), "shortCode", $"shortCode must be 1 to {ShortCodeMaxLength} letters, digits, '_' or '-'.")
            .Check(request.Content is null || (!string.IsNullOrWhiteSpace(request.Content) && request.Content.Length <= ContentMaxLength), "content", $"content must be 1 to {ContentMaxLength} characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var response = await connection.QuerySingleOrDefaultAsync<CannedResponseView>(new CommandDefinition(
                $"""
                update canned_responses set short_code = coalesce(@ShortCode, short_code), content = coalesce(@Content, content)
                where tenant_id = @TenantId and id = @id
                returning {Columns}
                """,
                new { TenantId = user.TenantId(), id, ShortCode = request.ShortCode?.Trim(), request.Content },
                cancellationToken: cancellationToken));
            return response is null ? ApiProblems.NotFound("canned response") : Results.Ok(response);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return ShortCodeTaken(request.ShortCode!.Trim());
        }
    }

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "delete from canned_responses where tenant_id = @TenantId and id = @id",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return deleted == 0 ? ApiProblems.NotFound("canned response") : Results.NoContent();
    }

    private static IResult ShortCodeTaken(string shortCode) =>
        ApiProblems.Conflict("canned_response_exists", $"The short code '{shortCode}' is already used (short codes are compared regardless of case).");

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ShortCode();
}
