using System.Security.Claims;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.Labels;

/// <summary>
/// The tenant's labels: names unique regardless of case, each with a colour. Every agent may
/// list them; admins manage them. Contacts carry labels by name, so renaming or deleting a
/// label changes the contacts that carry it in the same transaction.
/// </summary>
public static partial class LabelEndpoints
{
    public const int NameMaxLength = 50;

    public sealed record LabelView(string Id, string Name, string Color, DateTime CreatedAt);

    public sealed record CreateLabelRequest(string? Name, string? Color);

    public sealed record UpdateLabelRequest(string? Name, string? Color);

    private const string Columns = "id as Id, name as Name, color as Color, created_at as CreatedAt";

    public static void MapLabelEndpoints(this IEndpointRouteBuilder app)
    {
        var labels = app.MapGroup("/api/v1/labels").WithTags("Labels").RequireAuthorization(AuthSetup.AgentPolicy);
        labels.MapGet("/", ListAsync)
            .Produces<LabelView[]>();
        labels.MapGet("/{id}", GetAsync)
            .Produces<LabelView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        labels.MapPost("/", CreateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<LabelView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        labels.MapPatch("/{id}", UpdateAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces<LabelView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        labels.MapDelete("/{id}", DeleteAsync)
            .RequireAuthorization(AuthSetup.AdminPolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var labels = await connection.QueryAsync<LabelView>(new CommandDefinition(
            $"select {Columns} from labels where tenant_id = @TenantId order by lower(name), id",
            new { TenantId = user.TenantId() }, cancellationToken: cancellationToken));
        return Results.Ok(labels);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var label = await connection.QuerySingleOrDefaultAsync<LabelView>(new CommandDefinition(
            $"select {Columns} from labels where tenant_id = @TenantId and id = @id",
            new { TenantId = user.TenantId(), id }, cancellationToken: cancellationToken));
        return label is null ? ApiProblems.NotFound("label") : Results.Ok(label);
    }

    private static async Task<IResult> CreateAsync(CreateLabelRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Require("name", request.Name, NameMaxLength)
            .Require("color", request.Color, 7)
            .Check(request.Color is null || Color().IsMatch(request.Color.Trim()), "color", "color must be #RRGGBB.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var label = await connection.QuerySingleAsync<LabelView>(new CommandDefinition(
                $"insert into labels (tenant_id, id, name, color) values (@TenantId, @Id, @Name, @Color) returning {Columns}",
                new { TenantId = user.TenantId(), Id = Ids.New("lb"), Name = request.Name!.Trim(), Color = request.Color!.Trim().ToUpperInvariant() },
                cancellationToken: cancellationToken));
            return Results.Created($"/api/v1/labels/{label.Id}", label);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return LabelExists(request.Name!.Trim());
        }
    }

    private static async Task<IResult> UpdateAsync(string id, UpdateLabelRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation()
            .Check(request.Name is null || request.Name.Trim().Length is > 0 and <= NameMaxLength, "name", $"name must be 1 to {NameMaxLength} characters.")
            .Check(request.Color is null || Color().IsMatch(request.Color.Trim()), "color", "color must be #RRGGBB.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var tenantId = user.TenantId();
        var name = request.Name?.Trim();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var oldName = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "select name from labels where tenant_id = @tenantId and id = @id for update",
            new { tenantId, id }, transaction, cancellationToken: cancellationToken));
        if (oldName is null)
        {
            return ApiProblems.NotFound("label");
        }

        LabelView label;
        try
        {
            label = await connection.QuerySingleAsync<LabelView>(new CommandDefinition(
                $"""
                update labels set name = coalesce(@name, name), color = coalesce(@Color, color)
                where tenant_id = @tenantId and id = @id
                returning {Columns}
                """,
                new { tenantId, id, name, Color = request.Color?.Trim().ToUpperInvariant() }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return LabelExists(name!);
        }

        if (label.Name != oldName)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                update contacts set
                    labels = array(select case when lower(l) = lower(@oldName) then @newName else l end
                                   from unnest(labels) with ordinality as u(l, n) order by n),
                    updated_at = now()
                where tenant_id = @tenantId and exists (select 1 from unnest(labels) as l where lower(l) = lower(@oldName))
                """,
                new { tenantId, oldName, newName = label.Name }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return Results.Ok(label);
    }

    private static async Task<IResult> DeleteAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "delete from labels where tenant_id = @tenantId and id = @id returning name",
            new { tenantId, id }, transaction, cancellationToken: cancellationToken));
        if (name is null)
        {
            return ApiProblems.NotFound("label");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            update contacts set
                labels = array(select l from unnest(labels) with ordinality as u(l, n) where lower(l) <> lower(@name) order by n),
                updated_at = now()
            where tenant_id = @tenantId and exists (select 1 from unnest(labels) as l where lower(l) = lower(@name))
            """,
            new { tenantId, name }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return Results.NoContent();
    }

    private static IResult LabelExists(string name) =>
        ApiProblems.Conflict("label_exists", $"A label named '{name}' already exists (names are compared regardless of case).");

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Color();
}
