using System.Text.Json;
using Switchboard.Channels.WhatsApp.Json;
using Switchboard.Channels.WhatsApp.Media;
using Switchboard.Channels.WhatsApp.Templates;

namespace Switchboard.Channels.WhatsApp.Client;

/// <summary>
/// Reads the success bodies of Graph calls. Each returns null when the body lacks what success means
/// (a 200 without a message id), which the caller reports as an unknown outcome. Numbers may come as
/// strings and hashes as hex or base64: real traffic and the documents disagree (spec §2.2).
/// </summary>
internal static class GraphResponses
{
    public static SentMessage? SentMessage(JsonElement root)
    {
        var message = root.Array("messages").FirstOrDefault();
        if (message.ValueKind != JsonValueKind.Object || message.String("id") is not { Length: > 0 } id)
        {
            return null;
        }

        var contact = root.Array("contacts").FirstOrDefault();
        return new SentMessage(id, message.String("message_status"), contact.String("wa_id"), contact.String("input"));
    }

    public static Acknowledged? Acknowledged(JsonElement root) => root.Boolean("success") == true ? Client.Acknowledged.Instance : null;

    public static UploadedMedia? UploadedMedia(JsonElement root) => root.String("id") is { Length: > 0 } id ? new UploadedMedia(id) : null;

    public static MediaInfo? MediaInfo(JsonElement root, string requestedId) =>
        root.String("url") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new MediaInfo(root.String("id") ?? requestedId, uri, root.String("mime_type"), Sha256Text.Normalize(root.String("sha256")), root.Int64("file_size"))
            : null;

    public static CreatedTemplate? CreatedTemplate(JsonElement root) =>
        root.String("id") is { Length: > 0 } id ? new CreatedTemplate(id, root.String("status"), root.String("category")) : null;

    public static TemplatePage? TemplatePage(JsonElement root)
    {
        if (root.Property("data") is not { ValueKind: JsonValueKind.Array } data)
        {
            return null;
        }

        var templates = data.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object && t.String("id") is not null)
            .Select(t => new WhatsAppTemplate(
                t.String("id")!,
                t.String("name") ?? "",
                t.String("language"),
                t.String("status"),
                t.String("category"),
                t.String("parameter_format"),
                t.String("previous_category"),
                t.String("rejected_reason"),
                t.Property("components")?.GetRawText()))
            .ToList();

        // Meta leaves paging.next out on the last page even when cursors are present.
        string? next = null;
        if (root.Object("paging") is { } paging && paging.String("next") is not null)
        {
            next = paging.Object("cursors")?.String("after");
        }

        return new TemplatePage(templates, next);
    }
}
