using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Templates;

/// <summary>The Graph template management surface (spec §4): create, list, read, edit, delete.</summary>
public static class TemplateEndpoints
{
    private const int DefaultPageSize = 25;
    private const int MaxPageSize = 1000;

    public static void MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        const string route = "/{version:regex(^v\\d+\\.\\d+$)}/{wabaId}/message_templates";
        app.MapPost(route, Create);
        app.MapGet(route, List);
        app.MapDelete(route, Delete);
    }

    /// <summary><c>POST /{version}/{waba-id}/message_templates</c> → <c>{id, status:"PENDING", category}</c>.</summary>
    private static IResult Create(HttpContext context, string wabaId, GraphAuthenticator authenticator, TemplateStore store, TemplateReviewer reviewer)
    {
        if (authenticator.AuthorizeWaba(context.Request, wabaId) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        if (JsonFields.ParseObject(GraphCall.From(context).Body) is not { } request)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The request body must be a JSON object."));
        }
        var (definition, error) = TemplateDefinition.Parse(request);
        if (error is not null)
        {
            return GraphResults.Error(context, error);
        }
        var (template, conflict) = store.Create(wabaId, definition!);
        if (conflict is not null)
        {
            return GraphResults.Error(context, conflict);
        }
        reviewer.ScheduleReview(template!);
        return GraphResults.Json(new JsonObject
        {
            ["id"] = template!.Id,
            ["status"] = template.Status,
            ["category"] = definition!.Category,
        });
    }

    /// <summary><c>GET /{version}/{waba-id}/message_templates[?name=&amp;status=&amp;language=&amp;category=&amp;limit=&amp;after=&amp;fields=]</c>.</summary>
    private static IResult List(HttpContext context, string wabaId, GraphAuthenticator authenticator, TemplateStore store)
    {
        if (authenticator.AuthorizeWaba(context.Request, wabaId) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        var query = context.Request.Query;
        // Graph's name filter matches part of the name, so clients must still check the name themselves.
        var templates = store.ForWaba(wabaId)
            .Where(t => Matches(query["name"], t.Name, partial: true)
                && Matches(query["status"], t.Status, partial: false)
                && Matches(query["language"], t.Language, partial: false)
                && Matches(query["category"], t.Definition.Category, partial: false))
            .ToList();
        var limit = int.TryParse(query["limit"], out var requested) ? Math.Clamp(requested, 1, MaxPageSize) : DefaultPageSize;
        var offset = DecodeCursor(query["after"]);
        var page = templates.Skip(offset).Take(limit).ToList();
        var fields = query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var data = new JsonArray([.. page.Select(t => Project(t.ToGraphJson(), fields))]);
        var body = new JsonObject { ["data"] = data };
        if (page.Count > 0)
        {
            var paging = new JsonObject
            {
                ["cursors"] = new JsonObject
                {
                    ["before"] = EncodeCursor(offset),
                    ["after"] = EncodeCursor(offset + page.Count),
                },
            };
            if (offset + page.Count < templates.Count)
            {
                var request = context.Request;
                var next = new StringBuilder($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit={limit}&after={EncodeCursor(offset + page.Count)}");
                foreach (var key in new[] { "name", "status", "language", "category", "fields" })
                {
                    if (query[key].ToString() is { Length: > 0 } value)
                    {
                        next.Append(CultureInfo.InvariantCulture, $"&{key}={Uri.EscapeDataString(value)}");
                    }
                }
                paging["next"] = next.ToString();
            }
            body["paging"] = paging;
        }
        return GraphResults.Json(body);
    }

    /// <summary><c>DELETE /{version}/{waba-id}/message_templates?name=…[&amp;hsm_id=…]</c> → <c>{"success":true}</c>, or 100/2593002.</summary>
    private static IResult Delete(HttpContext context, string wabaId, GraphAuthenticator authenticator, TemplateStore store)
    {
        if (authenticator.AuthorizeWaba(context.Request, wabaId) is { } authError)
        {
            return GraphResults.Error(context, authError);
        }
        var name = context.Request.Query["name"].ToString();
        var templateId = context.Request.Query["hsm_id"].ToString();
        if (name.Length == 0)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The parameter name is required."));
        }
        var deleted = store.Delete(wabaId, name, templateId.Length > 0 ? templateId : null);
        return deleted.Count == 0
            ? GraphResults.Error(context, GraphErrors.TemplateNotFoundForDelete(name))
            : GraphResults.Success();
    }

    /// <summary><c>GET /{version}/{template-id}[?fields=…]</c>.</summary>
    public static IResult Describe(HttpContext context, MessageTemplate template)
    {
        var fields = context.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return GraphResults.Json(Project(template.ToGraphJson(), fields));
    }

    /// <summary><c>POST /{version}/{template-id}</c> with new <c>components</c> (and/or <c>category</c>): back to review (spec §4.3).</summary>
    public static IResult Edit(HttpContext context, MessageTemplate template, TemplateReviewer reviewer)
    {
        if (JsonFields.ParseObject(GraphCall.From(context).Body) is not { } request)
        {
            return GraphResults.Error(context, GraphErrors.InvalidParameter("The request body must be a JSON object."));
        }
        var current = template.Definition;
        var category = request.Text("category")?.ToUpperInvariant() ?? current.Category;
        var components = request.Array("components") ?? current.Components;
        var (definition, error) = TemplateDefinition.ParseComponents(current.Name, current.Language, category, current.NamedParameters, components);
        if (error is not null)
        {
            return GraphResults.Error(context, error);
        }
        template.Edit(definition!);
        reviewer.ScheduleReview(template);
        return GraphResults.Success();
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues filter, string value, bool partial)
    {
        var wanted = filter.ToString();
        return wanted.Length == 0
            || (partial ? value.Contains(wanted, StringComparison.OrdinalIgnoreCase) : string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>?fields=status</c> answers only those fields, plus the id (spec §4.2).</summary>
    private static JsonObject Project(JsonObject template, string[] fields)
    {
        if (fields.Length == 0)
        {
            return template;
        }
        var projected = new JsonObject();
        foreach (var field in fields.Where(f => f != "id" && template.ContainsKey(f)))
        {
            projected[field] = template[field]!.DeepClone();
        }
        projected["id"] = template["id"]!.DeepClone();
        return projected;
    }

    /// <summary>Opaque cursors, URL-safe so that clients can paste them into a query string unescaped.</summary>
    private static string EncodeCursor(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static int DecodeCursor(Microsoft.Extensions.Primitives.StringValues cursor)
    {
        try
        {
            return cursor.ToString() is { Length: > 0 } text
                && int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(text.PadRight((text.Length + 3) / 4 * 4, '='))), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : 0;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
