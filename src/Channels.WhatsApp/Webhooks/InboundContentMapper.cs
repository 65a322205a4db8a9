using System.Text.Json;
using Switchboard.Channels.WhatsApp.Json;
using Switchboard.Channels.WhatsApp.Media;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// Maps one inbound <c>messages[]</c> item onto the message model (spec §3.5). Anything it cannot map —
/// an unknown type, a known type missing its object — becomes <see cref="UnsupportedContent"/> naming
/// the original type, so the message is still stored and shown.
/// </summary>
internal static class InboundContentMapper
{
    public static MessageContent Map(JsonElement message, string type, IReadOnlyList<ProviderError> errors) =>
        TryMap(message, type) ?? new UnsupportedContent(UnsupportedType(message, type), errors.Count > 0 ? errors : null);

    private static MessageContent? TryMap(JsonElement message, string type)
    {
        var body = message.Object(type);
        if (body is not { } value)
        {
            return null;
        }

        return type switch
        {
            "text" => value.String("body") is { } text ? new TextContent(text) : null,
            "image" => new ImageContent(MediaOf(value), value.String("caption")),
            "video" => new VideoContent(MediaOf(value), value.String("caption")),
            "audio" => new AudioContent(MediaOf(value), value.Boolean("voice") ?? false),
            "voice" => new AudioContent(MediaOf(value), Voice: true),
            "document" => new DocumentContent(MediaOf(value), value.String("caption"), value.String("filename")),
            "sticker" => new StickerContent(MediaOf(value), value.Boolean("animated") ?? false),
            "location" => value.Double("latitude") is { } latitude && value.Double("longitude") is { } longitude
                ? new LocationContent(latitude, longitude, value.String("name"), value.String("address"), value.String("url"))
                : null,
            "interactive" => Interactive(value),
            "button" => new TemplateButtonReplyContent(value.String("payload") ?? value.String("text") ?? "", value.String("text") ?? value.String("payload") ?? ""),
            "reaction" => value.String("message_id") is { Length: > 0 } target
                ? new ReactionContent(target, value.String("emoji") is { Length: > 0 } emoji ? emoji : null)
                : null,
            "system" => new SystemContent(value.String("body") ?? "", value.String("type"), value.String("wa_id") ?? value.String("new_wa_id")),
            _ => null,
        };
    }

    // "contacts" is an array, so it cannot go through the object look-up above.
    public static MessageContent MapContacts(JsonElement message, IReadOnlyList<ProviderError> errors)
    {
        var cards = message.Array("contacts").Where(c => c.ValueKind == JsonValueKind.Object).Select(Card).ToList();
        return cards.Count > 0 ? new ContactsContent(cards) : new UnsupportedContent("contacts", errors.Count > 0 ? errors : null);
    }

    private static MessageContent? Interactive(JsonElement interactive)
    {
        var replyType = interactive.String("type");
        if (replyType is not ("button_reply" or "list_reply") || interactive.Object(replyType) is not { } reply)
        {
            return null;
        }

        return new InteractiveReplyContent(replyType, reply.String("id") ?? "", reply.String("title") ?? "", reply.String("description"));
    }

    /// <summary>For unsupported messages Meta may say what the original was (<c>unsupported.type</c>); interactive sub-types are named too.</summary>
    private static string UnsupportedType(JsonElement message, string type) => type switch
    {
        "unsupported" or "unknown" => message.Object("unsupported")?.String("type") ?? type,
        "interactive" => message.Object("interactive")?.String("type") is { } subType ? $"interactive.{subType}" : type,
        _ => type,
    };

    private static MediaRef MediaOf(JsonElement media) => new(
        ProviderMediaId: media.String("id"),
        Link: media.String("url"),
        MimeType: media.String("mime_type"),
        Size: media.Int64("file_size"),
        Sha256: Sha256Text.Normalize(media.String("sha256")),
        Filename: media.String("filename"));

    private static ContactCard Card(JsonElement contact)
    {
        var name = contact.Object("name");
        var phones = contact.Array("phones").Select(p => new ContactPhone(p.String("phone"), p.String("wa_id"), p.String("type"))).ToList();
        var first = name?.String("first_name");
        var last = name?.String("last_name");
        var joined = string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrEmpty(s)));
        var formatted = name?.String("formatted_name") is { Length: > 0 } given ? given
            : joined.Length > 0 ? joined
            : phones.FirstOrDefault()?.Phone ?? "";

        return new ContactCard(
            new ContactName(formatted, first, last, name?.String("middle_name"), name?.String("prefix"), name?.String("suffix")),
            phones.Count > 0 ? phones : null,
            NullIfEmpty(contact.Array("emails").Select(e => e.String("email") is { } email ? new ContactEmail(email, e.String("type")) : null).OfType<ContactEmail>().ToList()),
            contact.Object("org") is { } org ? new ContactOrg(org.String("company"), org.String("department"), org.String("title")) : null,
            NullIfEmpty(contact.Array("urls").Select(u => u.String("url") is { } url ? new ContactUrl(url, u.String("type")) : null).OfType<ContactUrl>().ToList()),
            NullIfEmpty(contact.Array("addresses").Select(a => new ContactAddress(a.String("street"), a.String("city"), a.String("state"), a.String("zip"), a.String("country"), a.String("country_code"), a.String("type"))).ToList()),
            contact.String("birthday"));
    }

    private static IReadOnlyList<T>? NullIfEmpty<T>(List<T> items) => items.Count > 0 ? items : null;
}
