using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;

namespace Switchboard.Emulator.Messages;

/// <summary>
/// The request checks of spec §1 and the limits of §1.13 that need no stored state. Missing required
/// fields answer 131008, limits Graph checks on the parameter itself (lengths, counts) answer 100 with
/// Graph's wording, and values that are present but unacceptable answer 131009.
/// </summary>
public static class OutboundMessageValidator
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        "text", "image", "audio", "video", "document", "sticker", "location", "contacts", "interactive", "template", "reaction",
    };

    private static readonly IReadOnlySet<string> OtherInteractiveTypes = new HashSet<string>
    {
        "cta_url", "flow", "location_request_message", "product", "product_list", "catalog_message", "call_permission_request",
    };

    public static GraphError? Validate(JsonObject body, out OutboundRequest? request)
    {
        request = null;
        if (body.Text("messaging_product") is not { } product)
        {
            return GraphErrors.RequiredParameterMissing("messaging_product");
        }
        if (product != "whatsapp")
        {
            return GraphErrors.InvalidParameter($"Param messaging_product must be one of {{WHATSAPP}} - got \"{product}\".");
        }
        if (body.Text("recipient_type") is { } recipientType && recipientType != "individual")
        {
            return GraphErrors.InvalidParameter("Param recipient_type must be \"individual\"; the emulator does not emulate groups.");
        }
        if (body.TextOrNumber("to") is not { Length: > 0 } to)
        {
            return GraphErrors.RequiredParameterMissing("to");
        }
        if (RecipientDigits(to) is not { } waId)
        {
            return GraphErrors.InvalidParameter($"Invalid phone number \"{to}\": use the international format, digits with an optional +.");
        }
        var type = body["type"] is null ? "text" : body.Text("type");
        if (type is null)
        {
            return GraphErrors.InvalidParameter("Param type must be a string.");
        }
        if (!Types.Contains(type))
        {
            return GraphErrors.UnsupportedMessageType(type);
        }
        var content = body[type];
        if (content is null || (type == "contacts" ? content is not JsonArray : content is not JsonObject))
        {
            return GraphErrors.RequiredParameterMissing(type);
        }
        if (body.Text("biz_opaque_callback_data") is { } opaque && JsonFields.CharacterCount(opaque) > 512)
        {
            return GraphErrors.InvalidParameter("Param biz_opaque_callback_data must be at most 512 characters long.");
        }
        string? contextMessageId = null;
        // `"context": null` is accepted (Chatwoot sends it, spec §1.1); reactions ignore context.
        if (body["context"] is JsonObject context && type != "reaction")
        {
            contextMessageId = context.Text("message_id");
            if (string.IsNullOrEmpty(contextMessageId))
            {
                return GraphErrors.RequiredParameterMissing("context.message_id");
            }
        }

        var problem = type switch
        {
            "text" => Text((JsonObject)content),
            "image" or "video" or "audio" or "document" or "sticker" => Media(type, (JsonObject)content),
            "location" => Location((JsonObject)content),
            "contacts" => Contacts((JsonArray)content),
            "interactive" => Interactive((JsonObject)content),
            "reaction" => Reaction((JsonObject)content),
            "template" => TemplateShape((JsonObject)content),
            _ => null,
        };
        if (problem is not null)
        {
            return problem;
        }
        request = new OutboundRequest(to, waId, type, content, contextMessageId, body.Text("biz_opaque_callback_data"));
        return null;
    }

    /// <summary>
    /// Digits of a recipient written with +, spaces, hyphens, dots or parentheses (spec §0). Meta would prepend
    /// the business's country code to a number without +; the emulator cannot know country codes and
    /// reads the digits as an international number, as real traffic does for full numbers.
    /// </summary>
    public static string? RecipientDigits(string to)
    {
        var digits = new List<char>(to.Length);
        foreach (var c in to.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (c is not ('+' or ' ' or '-' or '(' or ')' or '.'))
            {
                return null;
            }
        }
        return digits.Count is >= 7 and <= 15 ? new string([.. digits]) : null;
    }

    private static GraphError? Text(JsonObject text)
    {
        if (text.Text("body") is not { Length: > 0 } body)
        {
            return GraphErrors.RequiredParameterMissing("text.body");
        }
        if (JsonFields.CharacterCount(body) > 4096)
        {
            return GraphErrors.InvalidParameter("Param text['body'] must be at most 4096 characters long.");
        }
        if (text["preview_url"] is { } preview && preview.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return GraphErrors.InvalidParameter("Param text['preview_url'] must be a boolean.");
        }
        return null;
    }

    private static GraphError? Media(string type, JsonObject media)
    {
        var hasId = media.Has("id");
        var hasLink = media.Has("link");
        if (!hasId && !hasLink)
        {
            return GraphErrors.RequiredParameterMissing($"{type}.id or {type}.link");
        }
        if (hasId && hasLink)
        {
            return GraphErrors.ParameterValueNotValid($"Param {type} must have either id or link, not both.");
        }
        if (hasId && media.TextOrNumber("id") is not { Length: > 0 })
        {
            return GraphErrors.ParameterValueNotValid($"Param {type}['id'] must be a media id.");
        }
        if (hasLink && (!Uri.TryCreate(media.Text("link"), UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")))
        {
            return GraphErrors.ParameterValueNotValid($"Param {type}['link'] must be an http or https URL.");
        }
        if (media.Has("caption"))
        {
            if (type is "audio" or "sticker")
            {
                return GraphErrors.ParameterValueNotValid($"Param {type}['caption'] is not allowed: {type} messages have no caption.");
            }
            if (media.Text("caption") is { } caption && JsonFields.CharacterCount(caption) > 1024)
            {
                return GraphErrors.InvalidParameter($"Param {type}['caption'] must be at most 1024 characters long.");
            }
        }
        return null;
    }

    private static GraphError? Location(JsonObject location)
    {
        if (location.Number("latitude") is not { } latitude)
        {
            return GraphErrors.RequiredParameterMissing("location.latitude");
        }
        if (location.Number("longitude") is not { } longitude)
        {
            return GraphErrors.RequiredParameterMissing("location.longitude");
        }
        return latitude is < -90 or > 90 || longitude is < -180 or > 180
            ? GraphErrors.ParameterValueNotValid("Latitude must be within [-90, 90] and longitude within [-180, 180].")
            : null;
    }

    private static GraphError? Contacts(JsonArray contacts)
    {
        if (contacts.Count is < 1 or > 5)
        {
            return GraphErrors.InvalidParameter("Param contacts must contain between 1 and 5 elements.");
        }
        for (var i = 0; i < contacts.Count; i++)
        {
            var name = (contacts[i] as JsonObject).Object("name");
            if (name.Text("formatted_name") is not { Length: > 0 })
            {
                return GraphErrors.RequiredParameterMissing($"contacts[{i}].name.formatted_name");
            }
            if (!new[] { "first_name", "last_name", "middle_name", "suffix", "prefix" }.Any(field => name.Text(field) is { Length: > 0 }))
            {
                return GraphErrors.ParameterValueNotValid($"contacts[{i}].name needs at least one of first_name, last_name, middle_name, suffix or prefix besides formatted_name.");
            }
        }
        return null;
    }

    private static GraphError? Reaction(JsonObject reaction)
    {
        if (reaction.Text("message_id") is not { Length: > 0 })
        {
            return GraphErrors.RequiredParameterMissing("reaction.message_id");
        }
        // An empty emoji removes a reaction (spec §1.6); anything longer than one emoji is refused.
        if (reaction.Text("emoji") is not { } emoji)
        {
            return GraphErrors.RequiredParameterMissing("reaction.emoji");
        }
        return new StringInfo(emoji).LengthInTextElements > 1
            ? GraphErrors.ParameterValueNotValid("Param reaction['emoji'] must be a single emoji.")
            : null;
    }

    private static GraphError? TemplateShape(JsonObject template)
    {
        if (template.Text("name") is not { Length: > 0 })
        {
            return GraphErrors.RequiredParameterMissing("template.name");
        }
        if (template.Object("language").Text("code") is not { Length: > 0 })
        {
            return GraphErrors.RequiredParameterMissing("template.language.code");
        }
        if (template["components"] is { } components and not JsonArray)
        {
            return GraphErrors.InvalidParameter("Param template['components'] must be an array.");
        }
        return null;
    }

    private static GraphError? Interactive(JsonObject interactive)
    {
        if (interactive.Text("type") is not { } type)
        {
            return GraphErrors.RequiredParameterMissing("interactive.type");
        }
        if (type is not ("button" or "list") && !OtherInteractiveTypes.Contains(type))
        {
            return GraphErrors.InvalidParameter($"Param interactive['type'] must be one of button, list, {string.Join(", ", OtherInteractiveTypes)}.");
        }
        var isList = type == "list";
        if (interactive.Object("header") is { } header)
        {
            var headerType = header.Text("type");
            if (headerType is not ("text" or "image" or "video" or "document") || (isList && headerType != "text"))
            {
                return GraphErrors.ParameterValueNotValid(isList
                    ? "A list message header must be of type text."
                    : "Param interactive['header']['type'] must be text, image, video or document.");
            }
            if (headerType == "text")
            {
                if (header.Text("text") is not { Length: > 0 } headerText)
                {
                    return GraphErrors.RequiredParameterMissing("interactive.header.text");
                }
                if (JsonFields.CharacterCount(headerText) > 60)
                {
                    return GraphErrors.InvalidParameter("Param interactive['header']['text'] must be at most 60 characters long.");
                }
            }
        }
        if (type is "button" or "list" or "cta_url" or "flow")
        {
            if (interactive.Object("body").Text("text") is not { Length: > 0 } bodyText)
            {
                return GraphErrors.RequiredParameterMissing("interactive.body.text");
            }
            if (JsonFields.CharacterCount(bodyText) > 1024)
            {
                return GraphErrors.InvalidParameter("Param interactive['body']['text'] must be at most 1024 characters long.");
            }
        }
        if (interactive.Object("footer") is { } footer && footer.Text("text") is { } footerText && JsonFields.CharacterCount(footerText) > 60)
        {
            return GraphErrors.InvalidParameter("Param interactive['footer']['text'] must be at most 60 characters long.");
        }
        if (type is not ("button" or "list"))
        {
            return null;
        }
        if (interactive.Object("action") is not { } action)
        {
            return GraphErrors.RequiredParameterMissing("interactive.action");
        }
        return isList ? ListAction(action) : ButtonAction(action);
    }

    private static GraphError? ButtonAction(JsonObject action)
    {
        if (action.Array("buttons") is not { Count: > 0 } buttons)
        {
            return GraphErrors.RequiredParameterMissing("interactive.action.buttons");
        }
        if (buttons.Count > 3)
        {
            return GraphErrors.InvalidParameter("Param interactive['action']['buttons'] must contain at most 3 elements.");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in buttons)
        {
            var button = node as JsonObject;
            if (button.Text("type") != "reply")
            {
                return GraphErrors.ParameterValueNotValid("Reply buttons must have type \"reply\".");
            }
            var reply = button.Object("reply");
            if (reply.Text("id") is not { Length: > 0 } id)
            {
                return GraphErrors.RequiredParameterMissing("interactive.action.buttons[].reply.id");
            }
            if (reply.Text("title") is not { Length: > 0 } title)
            {
                return GraphErrors.RequiredParameterMissing("interactive.action.buttons[].reply.title");
            }
            if (id.Length > 256)
            {
                return GraphErrors.InvalidParameter("Param interactive['action']['buttons'][]['reply']['id'] must be at most 256 characters long.");
            }
            if (JsonFields.CharacterCount(title) > 20)
            {
                return GraphErrors.InvalidParameter("Param interactive['action']['buttons'][]['reply']['title'] must be at most 20 characters long.");
            }
            if (id != id.Trim())
            {
                return GraphErrors.ParameterValueNotValid("Button ids cannot have leading or trailing spaces.");
            }
            if (!ids.Add(id) || !titles.Add(title))
            {
                return GraphErrors.ParameterValueNotValid("Button ids and titles must be unique.");
            }
        }
        return null;
    }

    private static GraphError? ListAction(JsonObject action)
    {
        if (action.Text("button") is not { Length: > 0 } button)
        {
            return GraphErrors.RequiredParameterMissing("interactive.action.button");
        }
        if (JsonFields.CharacterCount(button) > 20)
        {
            return GraphErrors.InvalidParameter("Param interactive['action']['button'] must be at most 20 characters long.");
        }
        if (action.Array("sections") is not { Count: > 0 } sections)
        {
            return GraphErrors.RequiredParameterMissing("interactive.action.sections");
        }
        if (sections.Count > 10)
        {
            return GraphErrors.InvalidParameter("Param interactive['action']['sections'] must contain at most 10 elements.");
        }
        var rowIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in sections)
        {
            var section = node as JsonObject;
            var sectionTitle = section.Text("title");
            if (sections.Count > 1 && string.IsNullOrEmpty(sectionTitle))
            {
                return GraphErrors.RequiredParameterMissing("interactive.action.sections[].title");
            }
            if (sectionTitle is not null && JsonFields.CharacterCount(sectionTitle) > 24)
            {
                return GraphErrors.InvalidParameter("Param interactive['action']['sections'][]['title'] must be at most 24 characters long.");
            }
            if (section.Array("rows") is not { Count: > 0 } rows)
            {
                return GraphErrors.RequiredParameterMissing("interactive.action.sections[].rows");
            }
            foreach (var rowNode in rows)
            {
                var row = rowNode as JsonObject;
                if (row.Text("id") is not { Length: > 0 } id)
                {
                    return GraphErrors.RequiredParameterMissing("interactive.action.sections[].rows[].id");
                }
                if (row.Text("title") is not { Length: > 0 } title)
                {
                    return GraphErrors.RequiredParameterMissing("interactive.action.sections[].rows[].title");
                }
                if (id.Length > 200 || JsonFields.CharacterCount(title) > 24
                    || (row.Text("description") is { } description && JsonFields.CharacterCount(description) > 72))
                {
                    return GraphErrors.InvalidParameter("List rows: id at most 200, title at most 24 and description at most 72 characters.");
                }
                if (!rowIds.Add(id))
                {
                    return GraphErrors.ParameterValueNotValid("List row ids must be unique.");
                }
            }
        }
        return rowIds.Count > 10
            ? GraphErrors.InvalidParameter("A list message can have at most 10 rows across all sections.")
            : null;
    }
}
