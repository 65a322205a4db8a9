using System.Text.Json;
using Dapper;
using Npgsql;
using Switchboard.Grains.Messages;

namespace Switchboard.Storage.Templates;

/// <summary>The tenant's templates as senders need them: only approved ones go out, with the right values.</summary>
public sealed class TemplateCatalog(NpgsqlDataSource dataSource)
{
    public async Task<TemplateSendCheck> CheckAsync(string tenantId, string name, string language, TemplateParameters parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var template = await connection.QuerySingleOrDefaultAsync<(string Status, string Components)?>(new CommandDefinition(
            "select status, components::text from templates where tenant_id = @tenantId and name = @name and language = @language",
            new { tenantId, name, language }, cancellationToken: cancellationToken));
        if (template is not { } found)
        {
            return new TemplateSendCheck.Refused("template_not_found", $"There is no template '{name}' in language '{language}'.");
        }

        if (found.Status != "approved")
        {
            return new TemplateSendCheck.Refused("template_not_approved", $"Template '{name}' ({language}) is {found.Status}; only approved templates can be sent.");
        }

        using var components = JsonDocument.Parse(found.Components);
        var definition = TemplateDefinition.Parse(components.RootElement);
        if (definition.Mismatch(parameters) is { } mismatch)
        {
            return new TemplateSendCheck.Refused("template_params_mismatch", mismatch);
        }

        return new TemplateSendCheck.Sendable(new TemplateContent(name, language, parameters, definition.Render(parameters)));
    }
}
