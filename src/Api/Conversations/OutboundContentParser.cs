using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Storage.Media;
using Switchboard.Storage.Templates;
using Switchboard.Grains.Messages;

namespace Switchboard.Api.Conversations;

/// <summary>
/// Reads a message body of api.md (<c>{type:"text", text}</c>, media by <c>mediaId</c>, template,
/// interactive, reaction, location, contacts) into the message model, checking the provider's
/// limits first so a message the provider would refuse is refused here, with the field named.
/// </summary>
public sealed class OutboundContentParser(MediaStore media, TemplateCatalog templates)
{
    public async Task<ParsedContent> ParseAsync(string tenantId, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new RequestValidation();
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ParsedContent.Invalid(errors.Add("body", "The body must be a JSON object.").ToProblem());
        }

        var type = String(body, "type");
        MessageContent? content = null;
        switch (type)
        {
            case "text":
                var text = String(body, "text");
                errors.Require("text", text, 4096);
                content = new TextContent(text ?? "", Bool(body, "previewUrl") ?? false);
                break;
            case "image" or "video" or "audio" or "document" or "sticker":
                content = await MediaAsync(tenantId, type, body, errors, cancellationToken);
                break;
            case "template":
                var (template, refusal) = await TemplateAsync(tenantId, body, errors, cancellationToken);
                if (refusal is not null)
                {
                    return ParsedContent.Invalid(refusal);
                }

                content = template;
                break;
            case "interactive":
                content = Interactive(body, errors);
                break;
            case "reaction":
                var target = String(body, "messageId");
                errors.Require("messageId", target, 200);
                var emoji = String(body, "emoji");
                errors.Optional("emoji", emoji, 16);
                content = new ReactionContent(target ?? "", emoji);
                break;
            case "location":
                var latitude = Number(body, "latitude");
                var longitude = Number(body, "longitude");
                errors.Check(latitude is >= -90 and <= 90, "latitude", "latitude must be a number between -90 and 90.")
                    .Check(longitude is >= -180 and <= 180, "longitude", "longitude must be a number between -180 and 180.");
                content = new LocationContent(latitude ?? 0, longitude ?? 0, String(body, "name"), String(body, "address"));
                break;
            case "contacts":
                content = Contacts(body, errors);
                break;
            default:
                errors.Add("type", "type must be one of text, image, video, audio, document, sticker, template, interactive, reaction, location, contacts.");
                break;
        }

        var replyTo = String(body, "replyTo");
        errors.Optional("replyTo", replyTo, 200).Check(!(replyTo is not null && type == "reaction"), "replyTo", "A reaction cannot quote a message.");
        return errors.IsValid
            ? new ParsedContent(content, replyTo, Bool(body, "holdIfWindowClosed") ?? false, null)
            : ParsedContent.Invalid(errors.ToProblem());
    }

    /// <summary>Template parameters: a list of body values, or <c>{header?, body?, buttons?}</c>.</summary>
    public static TemplateParameters TemplateParametersFrom(JsonElement? element, RequestValidation errors)
    {
        if (element is not { } parameters || parameters.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return TemplateParameters.None;
        }

        if (parameters.ValueKind == JsonValueKind.Array)
        {
            return new TemplateParameters(Strings(parameters, "template.parameters", errors));
        }

        if (parameters.ValueKind != JsonValueKind.Object)
        {
            errors.Add("template.parameters", "parameters must be a list of body values or {header, body, buttons}.");
            return TemplateParameters.None;
        }

        var body = parameters.TryGetProperty("body", out var b) ? Strings(b, "template.parameters.body", errors) : null;
        TemplateHeaderParameter? header = null;
        if (parameters.TryGetProperty("header", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            var mediaType = String(h, "type");
            header = mediaType is "image" or "video" or "document"
                ? new TemplateHeaderParameter(null, Enum.Parse<MediaKind>(mediaType, ignoreCase: true), new MediaRef(MediaId: String(h, "mediaId"), Link: String(h, "link")))
                : new TemplateHeaderParameter(String(h, "text"));
        }

        var buttons = new List<TemplateButtonParameter>();
        if (parameters.TryGetProperty("buttons", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var button in list.EnumerateArray())
            {
                var index = (int?)Number(button, "index");
                var value = String(button, "value");
                errors.Check(index is >= 0 and <= 9, "template.parameters.buttons", "Each button needs an index from 0 to 9.")
                    .Check(value is not null, "template.parameters.buttons", "Each button needs a value.");
                buttons.Add(new TemplateButtonParameter(index ?? 0, String(button, "subType") ?? "url", value ?? ""));
            }
        }

        return new TemplateParameters(body, header, buttons.Count > 0 ? buttons : null);
    }

    /// <summary>Checks the body's <c>template</c> object against the tenant's approved templates.</summary>
    public Task<(TemplateContent? Content, IResult? Refusal)> TemplateAsync(string tenantId, JsonElement body, RequestValidation errors, CancellationToken cancellationToken) =>
        TemplateFromAsync(tenantId, body.ValueKind == JsonValueKind.Object && body.TryGetProperty("template", out var template) ? template : default, errors, cancellationToken);

    /// <summary>Checks a <c>{name, language, parameters}</c> object against the tenant's approved templates.</summary>
    public async Task<(TemplateContent? Content, IResult? Refusal)> TemplateFromAsync(string tenantId, JsonElement template, RequestValidation errors, CancellationToken cancellationToken)
    {
        if (template.ValueKind != JsonValueKind.Object)
        {
            errors.Add("template", "template {name, language, parameters} is required.");
            return (null, null);
        }

        var name = String(template, "name");
        var language = String(template, "language");
        errors.Require("template.name", name, 512).Require("template.language", language, 20);
        var parameters = TemplateParametersFrom(template.TryGetProperty("parameters", out var p) ? p : null, errors);
        if (!errors.IsValid)
        {
            return (null, null);
        }

        if (parameters.Header?.Media is { MediaId: { } headerMediaId } && await media.FindAsync(tenantId, headerMediaId, cancellationToken) is null)
        {
            errors.Add("template.parameters.header.mediaId", "There is no media with that id.");
            return (null, null);
        }

        return await templates.CheckAsync(tenantId, name!, language!, parameters, cancellationToken) switch
        {
            TemplateSendCheck.Sendable sendable => (sendable.Content, null),
            TemplateSendCheck.Refused refused => (null, ApiProblems.Of(
                refused.Type == "template_not_found" ? 404 : 422, refused.Type, "The template cannot be sent", refused.Detail)),
            _ => throw new InvalidOperationException("Unknown template check result."),
        };
    }

    private async Task<MessageContent?> MediaAsync(string tenantId, string type, JsonElement body, RequestValidation errors, CancellationToken cancellationToken)
    {
        var mediaId = String(body, "mediaId");
        var caption = String(body, "caption");
        var filename = String(body, "filename");
        errors.Require("mediaId", mediaId, 100)
            .Optional("caption", caption, 1024)
            .Check(caption is null || type is not ("audio" or "sticker"), "caption", $"A {type} cannot have a caption.")
            .Optional("filename", filename, 240);
        if (mediaId is null)
        {
            return null;
        }

        var stored = await media.FindAsync(tenantId, mediaId, cancellationToken);
        if (stored is null)
        {
            errors.Add("mediaId", "There is no media with that id; upload it with POST /api/v1/media first.");
            return null;
        }

        var fits = type switch
        {
            "image" => stored.MimeType is "image/jpeg" or "image/png",
            "video" => stored.MimeType is "video/mp4" or "video/3gpp",
            "audio" => stored.MimeType.StartsWith("audio/", StringComparison.Ordinal),
            "sticker" => stored.MimeType == "image/webp",
            _ => true,
        };
        errors.Check(fits, "mediaId", $"The uploaded file is {stored.MimeType}, which cannot be sent as {type}.");
        var reference = new MediaRef(MediaId: stored.Id, MimeType: stored.MimeType, Size: stored.Size, Sha256: stored.Sha256, Filename: filename ?? stored.Filename);
        return type switch
        {
            "image" => new ImageContent(reference, caption),
            "video" => new VideoContent(reference, caption),
            "audio" => new AudioContent(reference, Bool(body, "voice") ?? false),
            "sticker" => new StickerContent(reference),
            _ => new DocumentContent(reference, caption, filename ?? stored.Filename),
        };
    }

    private static MessageContent? Interactive(JsonElement body, RequestValidation errors)
    {
        if (!body.TryGetProperty("interactive", out var interactive) || interactive.ValueKind != JsonValueKind.Object)
        {
            errors.Add("interactive", "interactive {type: button|list, body, …} is required.");
            return null;
        }

        var text = String(interactive, "body");
        var header = String(interactive, "header");
        var footer = String(interactive, "footer");
        errors.Require("interactive.body", text, 1024).Optional("interactive.header", header, 60).Optional("interactive.footer", footer, 60);
        switch (String(interactive, "type"))
        {
            case "button":
                var buttons = new List<ReplyButton>();
                if (interactive.TryGetProperty("buttons", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var button in list.EnumerateArray())
                    {
                        var id = String(button, "id");
                        var title = String(button, "title");
                        errors.Require("interactive.buttons.id", id, 256).Require("interactive.buttons.title", title, 20);
                        buttons.Add(new ReplyButton(id ?? "", title ?? ""));
                    }
                }

                errors.Check(buttons.Count is >= 1 and <= 3, "interactive.buttons", "Give 1 to 3 buttons.")
                    .Check(buttons.Select(b => b.Title).Distinct().Count() == buttons.Count, "interactive.buttons", "Button titles must differ.");
                return new InteractiveButtonsContent(text ?? "", buttons, header, footer);
            case "list":
                var buttonText = String(interactive, "button");
                errors.Require("interactive.button", buttonText, 20);
                var sections = new List<ListSection>();
                if (interactive.TryGetProperty("sections", out var sectionList) && sectionList.ValueKind == JsonValueKind.Array)
                {
                    foreach (var section in sectionList.EnumerateArray())
                    {
                        var rows = new List<ListRow>();
                        if (section.TryGetProperty("rows", out var rowList) && rowList.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var row in rowList.EnumerateArray())
                            {
                                var id = String(row, "id");
                                var title = String(row, "title");
                                var description = String(row, "description");
                                errors.Require("interactive.sections.rows.id", id, 200).Require("interactive.sections.rows.title", title, 24)
                                    .Optional("interactive.sections.rows.description", description, 72);
                                rows.Add(new ListRow(id ?? "", title ?? "", description));
                            }
                        }

                        var sectionTitle = String(section, "title");
                        errors.Optional("interactive.sections.title", sectionTitle, 24);
                        sections.Add(new ListSection(sectionTitle, rows));
                    }
                }

                var rowCount = sections.Sum(s => s.Rows.Count);
                errors.Check(sections.Count is >= 1 and <= 10, "interactive.sections", "Give 1 to 10 sections.")
                    .Check(rowCount is >= 1 and <= 10, "interactive.sections", "Give 1 to 10 rows in all.")
                    .Check(sections.Count <= 1 || sections.All(s => !string.IsNullOrEmpty(s.Title)), "interactive.sections.title", "With several sections each needs a title.");
                return new InteractiveListContent(text ?? "", buttonText ?? "", sections, header, footer);
            default:
                errors.Add("interactive.type", "interactive.type must be 'button' or 'list'.");
                return null;
        }
    }

    private static ContactsContent? Contacts(JsonElement body, RequestValidation errors)
    {
        if (!body.TryGetProperty("contacts", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            errors.Add("contacts", "contacts (a list of 1 to 5 cards) is required.");
            return null;
        }

        var cards = new List<ContactCard>();
        foreach (var card in list.EnumerateArray())
        {
            var name = String(card, "name");
            errors.Require("contacts.name", name, 200);
            var phones = card.TryGetProperty("phones", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(x => new ContactPhone(x.ValueKind == JsonValueKind.String ? x.GetString() : String(x, "phone"))).ToList()
                : [];
            cards.Add(new ContactCard(new ContactName(name ?? "", FirstName: name), phones));
        }

        errors.Check(cards.Count is >= 1 and <= 5, "contacts", "Give 1 to 5 contact cards.");
        return new ContactsContent(cards);
    }

    private static List<string> Strings(JsonElement element, string field, RequestValidation errors)
    {
        var values = new List<string>();
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, $"{field} must be a list of strings.");
            return values;
        }

        foreach (var item in element.EnumerateArray())
        {
            var value = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!,
                JsonValueKind.Number => item.GetRawText(),
                _ => null,
            };
            if (value is null)
            {
                errors.Add(field, $"{field} must be a list of strings.");
                continue;
            }

            errors.Check(value.Length <= 1024, field, "A template value is at most 1024 characters.");
            values.Add(value);
        }

        return values;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

/// <summary>A parsed message body, or the problem to answer with.</summary>
public sealed record ParsedContent(MessageContent? Content, string? ReplyTo, bool HoldIfWindowClosed, IResult? Problem)
{
    public static ParsedContent Invalid(IResult problem) => new(null, null, false, problem);
}
