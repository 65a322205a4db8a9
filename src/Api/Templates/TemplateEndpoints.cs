using System.Security.Claims;
using System.Text.Json;
using Dapper;
using Npgsql;
using Switchboard.Api.ApiKeys;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Channels.WhatsApp.Client;
using Switchboard.Channels.WhatsApp.Templates;
using Switchboard.Storage.Channels;
using Switchboard.Grains.Identity;
using Switchboard.Storage.Templates;

namespace Switchboard.Api.Templates;

/// <summary>
/// Message templates: drafted here, checked against Meta's rules, submitted for review through a
/// number's business account, then approved or rejected by webhook (<see cref="TemplateStatusStore"/>).
/// Everyone may read them (agents send them); admins and API keys with templates:write manage them.
/// </summary>
public static class TemplateEndpoints
{
    public const string Draft = "draft";

    // Meta's answer to deleting a template it does not have (whatsapp-cloud-api.md §4.3).
    private const int TemplateNotFoundCode = 100;
    private const int TemplateNotFoundSubcode = 2593002;

    public static void MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/v1/templates").WithTags("Templates");
        templates.MapGet("/", ListAsync)
            .RequireScope(Scopes.TemplatesRead)
            .Produces<TemplateView[]>();
        templates.MapGet("/{id}", GetAsync)
            .RequireScope(Scopes.TemplatesRead)
            .Produces<TemplateView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("/", CreateAsync)
            .RequireAdminOrScope(Scopes.TemplatesWrite)
            .Produces<TemplateView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapPost("/{id}/submit", SubmitAsync)
            .RequireAdminOrScope(Scopes.TemplatesWrite)
            .Produces<TemplateView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        templates.MapDelete("/{id}", DeleteAsync)
            .RequireAdminOrScope(Scopes.TemplatesWrite)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        string? status = null, string? name = null, string? language = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TemplateRow>(new CommandDefinition(
            $"""
            select {TemplateRow.Columns} from templates
            where tenant_id = @TenantId
              and (@Status::text is null or status = @Status)
              and (@Name::text is null or name = @Name)
              and (@Language::text is null or language = @Language)
            order by name, language
            """,
            new
            {
                TenantId = user.TenantId(),
                Status = string.IsNullOrWhiteSpace(status) ? null : status.Trim().ToLowerInvariant(),
                Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
                Language = string.IsNullOrWhiteSpace(language) ? null : TemplateLanguages.Canonical(language) ?? language.Trim(),
            },
            cancellationToken: cancellationToken));
        return Results.Ok(rows.Select(r => r.ToView()));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await FindAsync(connection, user.TenantId(), id, cancellationToken);
        return row is null ? ApiProblems.NotFound("template") : Results.Ok(row.ToView());
    }

    private static async Task<IResult> CreateAsync(CreateTemplateRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        var validation = TemplateRules.Validate(request, out var template);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (request.ChannelId is not null)
        {
            var channelExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from channels where tenant_id = @tenantId and id = @ChannelId and type = 'whatsapp' and deleted_at is null)",
                new { tenantId, request.ChannelId }, cancellationToken: cancellationToken));
            validation.Check(channelExists, "channelId", "channelId must be one of your WhatsApp numbers.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var components = template!.Components.ToJsonString();
        using var parsed = JsonDocument.Parse(components);
        var row = await connection.QuerySingleOrDefaultAsync<TemplateRow>(new CommandDefinition(
            $"""
            insert into templates (tenant_id, id, name, language, category, components, body_parameter_count, status, channel_id)
            values (@tenantId, @Id, @Name, @Language, @Category, cast(@components as jsonb), @BodyParameterCount, '{Draft}', @ChannelId)
            on conflict (tenant_id, name, language) do nothing
            returning {TemplateRow.Columns}
            """,
            new
            {
                tenantId,
                Id = Ids.New("tp"),
                template.Name,
                template.Language,
                template.Category,
                components,
                TemplateDefinition.Parse(parsed.RootElement).BodyParameterCount,
                request.ChannelId,
            },
            cancellationToken: cancellationToken));
        return row is null
            ? ApiProblems.Conflict("template_exists", $"A template named '{template.Name}' already exists in language '{template.Language}'.")
            : Results.Created($"/api/v1/templates/{row.Id}", row.ToView());
    }

    /// <summary>
    /// Sends a draft for review through its number (bound now if the draft named none). The review
    /// may finish before this request does (a fast provider's webhook), so the answer only moves a
    /// template that is still a draft; a status the webhook already set stays.
    /// </summary>
    private static async Task<IResult> SubmitAsync(
        string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, ChannelStore channelStore, WhatsAppClient whatsApp, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await FindAsync(connection, tenantId, id, cancellationToken);
        if (row is null)
        {
            return ApiProblems.NotFound("template");
        }

        if (row.Status != Draft)
        {
            return ApiProblems.Conflict("template_not_draft", $"The template is {row.Status}; only a draft can be submitted.");
        }

        var channelId = row.ChannelId ?? await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            """
            select id from channels
            where tenant_id = @tenantId and type = 'whatsapp' and status = 'healthy' and deleted_at is null
            order by created_at, id limit 1
            """,
            new { tenantId }, cancellationToken: cancellationToken));
        var channel = channelId is null ? null : await channelStore.FindAsync(tenantId, channelId, cancellationToken);
        if (channel is not { IsHealthy: true })
        {
            return ApiProblems.Conflict(
                "channel_unavailable",
                (channel, row.ChannelId) switch
                {
                    ({ } unhealthy, _) => $"The template's number {unhealthy.DisplayPhoneNumber} is {unhealthy.Status}; it cannot submit templates now.",
                    (null, not null) => "The number this template was drafted for has been removed; draft it again for another number.",
                    _ => "A template is reviewed through a WhatsApp number's business account: add a healthy WhatsApp number first.",
                });
        }

        // Bound before the call, so that a review webhook arriving before our answer finds the template.
        var bound = await connection.ExecuteAsync(new CommandDefinition(
            $"update templates set channel_id = @ChannelId, updated_at = now() where tenant_id = @tenantId and id = @id and status = '{Draft}'",
            new { tenantId, id, ChannelId = channel.Id }, cancellationToken: cancellationToken));
        if (bound == 0)
        {
            return ApiProblems.Conflict("template_not_draft", "The template was submitted or deleted meanwhile.");
        }

        var result = await whatsApp.CreateTemplateAsync(
            channel.ToWhatsAppNumber(),
            new TemplateCreation(row.Name, row.Language, row.Category.ToUpperInvariant(), row.ComponentsJson()),
            cancellationToken);
        if (!result.TryGetValue(out var created))
        {
            // A definite refusal leaves the draft as it was; after an unknown outcome the binding stays,
            // so that a review of a template that did arrive still finds it by name and language.
            if (result is WhatsAppResult<CreatedTemplate>.Failure && row.ChannelId is null)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"update templates set channel_id = null where tenant_id = @tenantId and id = @id and status = '{Draft}' and provider_template_id is null",
                    new { tenantId, id }, cancellationToken: CancellationToken.None));
            }

            return ProviderProblems.From(result, "accept the template for review");
        }

        // The provider has it now: record that even if our caller has gone away.
        var submitted = await connection.QuerySingleAsync<TemplateRow>(new CommandDefinition(
            $"""
            update templates set
                provider_template_id = @ProviderTemplateId,
                status = case when status = '{Draft}' then @Status else status end,
                submitted_at = now(),
                updated_at = now()
            where tenant_id = @tenantId and id = @id
            returning {TemplateRow.Columns}
            """,
            new { tenantId, id, ProviderTemplateId = created.Id, Status = TemplateStatusStore.StatusOf(created.Status ?? "PENDING") },
            cancellationToken: CancellationToken.None));
        return Results.Ok(submitted.ToView());
    }

    /// <summary>
    /// Deletes the template here and, when it was submitted, that language variant at the provider
    /// first; if the provider refuses, nothing is deleted. A template the provider no longer has, or
    /// whose number has been removed, is deleted here only.
    /// </summary>
    private static async Task<IResult> DeleteAsync(
        string id, ClaimsPrincipal user, NpgsqlDataSource dataSource, ChannelStore channelStore, WhatsAppClient whatsApp, CancellationToken cancellationToken)
    {
        var tenantId = user.TenantId();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await FindAsync(connection, tenantId, id, cancellationToken);
        if (row is null)
        {
            return ApiProblems.NotFound("template");
        }

        var channel = row.ChannelId is null ? null : await channelStore.FindAsync(tenantId, row.ChannelId, cancellationToken);
        if (row.ProviderTemplateId is not null && channel is not null)
        {
            var result = await whatsApp.DeleteTemplateAsync(channel.ToWhatsAppNumber(), row.Name, row.ProviderTemplateId, cancellationToken);
            var alreadyGone = result.ErrorOrNull is { Code: TemplateNotFoundCode, Subcode: TemplateNotFoundSubcode };
            if (!result.IsSuccess && !alreadyGone)
            {
                return ProviderProblems.From(result, "delete the template");
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "delete from templates where tenant_id = @tenantId and id = @id",
            new { tenantId, id }, cancellationToken: CancellationToken.None));
        return Results.NoContent();
    }

    private static Task<TemplateRow?> FindAsync(NpgsqlConnection connection, string tenantId, string id, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<TemplateRow>(new CommandDefinition(
            $"select {TemplateRow.Columns} from templates where tenant_id = @tenantId and id = @id",
            new { tenantId, id }, cancellationToken: cancellationToken));
}
