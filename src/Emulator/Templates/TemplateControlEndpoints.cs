using System.Text.Json.Nodes;

namespace Switchboard.Emulator.Templates;

/// <summary>Control API for templates: seed one directly in a status, force a status (with its webhook), list all.</summary>
public static class TemplateControlEndpoints
{
    public static void MapTemplateControlEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/_emulator/templates");
        templates.MapPost("/", Seed);
        templates.MapPost("/status", ForceStatus);
        templates.MapGet("/", (string? wabaId, TemplateStore store) =>
            Results.Ok((wabaId is null ? store.All : store.ForWaba(wabaId)).Select(t => Describe(t))));
    }

    /// <summary>
    /// <c>POST /_emulator/templates {wabaId, status?, …Graph creation body…}</c>: creates a template in the given
    /// status (default APPROVED) without review or webhook, so tests need not wait for approval.
    /// </summary>
    private static IResult Seed(JsonObject body, TemplateStore store)
    {
        var wabaId = body["wabaId"]?.ToString();
        if (string.IsNullOrEmpty(wabaId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["wabaId"] = ["Required."] });
        }
        var status = body["status"]?.ToString()?.ToUpperInvariant() ?? TemplateStatuses.Approved;
        if (!TemplateStatuses.Forcible.Contains(status))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", TemplateStatuses.Forcible)}."] });
        }
        var (definition, error) = TemplateDefinition.Parse(body);
        if (error is not null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [error.UserMessage ?? error.Message] });
        }
        var (template, conflict) = store.Create(wabaId, definition!);
        if (conflict is not null)
        {
            return Results.Problem(conflict.UserMessage, statusCode: StatusCodes.Status409Conflict);
        }
        template!.SetStatus(status);
        return Results.Created($"/_emulator/templates/{template.Id}", Describe(template));
    }

    /// <summary>
    /// <c>POST /_emulator/templates/status {templateId | wabaId+name(+language), status, reason?}</c>: sets
    /// APPROVED, REJECTED, PAUSED, DISABLED (or PENDING) and sends the status webhook.
    /// </summary>
    private static IResult ForceStatus(ForcedStatus request, TemplateStore store, TemplateReviewer reviewer)
    {
        var status = request.Status?.ToUpperInvariant();
        if (status is null || !TemplateStatuses.Forcible.Contains(status))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"One of {string.Join(", ", TemplateStatuses.Forcible)}."] });
        }
        var matches = request.TemplateId is { } id
            ? store.Find(id) is { } byId ? [byId] : []
            : request is { WabaId: { } wabaId, Name: { } name }
                ? store.ForWaba(wabaId).Where(t => t.Name == name && (request.Language is null || t.Language == request.Language)).ToList()
                : [];
        if (matches.Count == 0)
        {
            return Results.Problem("No such template.", statusCode: StatusCodes.Status404NotFound);
        }
        foreach (var template in matches)
        {
            reviewer.ForceStatus(template, status, request.Reason);
        }
        return Results.Ok(matches.Select(Describe));
    }

    public sealed record ForcedStatus(string? TemplateId, string? WabaId, string? Name, string? Language, string? Status, string? Reason);

    private static object Describe(MessageTemplate template) => new
    {
        id = template.Id,
        wabaId = template.WabaId,
        name = template.Name,
        language = template.Language,
        category = template.Definition.Category,
        status = template.Status,
        components = template.Definition.Components.DeepClone(),
    };
}
