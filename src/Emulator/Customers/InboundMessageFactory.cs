using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Media;
using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Customers;

/// <summary>
/// Builds the <c>messages[0]</c> object of an inbound webhook (spec §3.5) from a control-API request. The
/// type-specific object is given in the Cloud API's own inbound shape, except media, which is given as
/// <c>{"base64","mimeType","caption"?,"filename"?,"voice"?,"animated"?}</c> (or <c>{"id"}</c> of media
/// already stored) and is stored so that the product can download it through the Graph media endpoints.
/// </summary>
public sealed class InboundMessageFactory(MediaStore media, MediaUrlSigner signer)
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        "text", "image", "audio", "video", "document", "sticker", "location", "contacts",
        "interactive", "button", "reaction", "system", "unsupported",
    };

    /// <summary>The webhook message, or a problem with the request (for a 400).</summary>
    public string? Build(
        BusinessNumber number, string waId, string wamid, long timestamp, JsonObject request, HttpRequest http, out JsonObject? message)
    {
        message = null;
        var type = request.Text("type");
        if (type is null || !Types.Contains(type))
        {
            return $"type must be one of {string.Join(", ", Types)}.";
        }
        var (content, problem) = type switch
        {
            "text" => Text(request),
            "image" or "audio" or "video" or "document" or "sticker" => Media(number, type, request.Object(type), http),
            "location" => Location(request.Object("location")),
            "contacts" => request.Array("contacts") is { Count: > 0 } contacts ? (contacts.DeepClone(), null) : (null, "contacts must be a non-empty array of contact cards."),
            "interactive" => Interactive(request.Object("interactive")),
            "button" => Button(request.Object("button")),
            "reaction" => Reaction(request.Object("reaction")),
            "system" => System(request.Object("system")),
            "unsupported" => (null, null),
            _ => ((JsonNode?)null, (string?)"Unknown type."),
        };
        if (problem is not null)
        {
            return problem;
        }

        var result = new JsonObject();
        if (request.Object("context") is { } context)
        {
            var quoted = new JsonObject();
            if ((context.Text("id") ?? context.Text("message_id")) is { Length: > 0 } quotedId)
            {
                quoted["from"] = number.Settings.DisplayPhoneNumberDigits;
                quoted["id"] = quotedId;
            }
            if (context.Flag("forwarded") == true)
            {
                quoted["forwarded"] = true;
            }
            if (context.Flag("frequently_forwarded") == true)
            {
                quoted["frequently_forwarded"] = true;
            }
            if (quoted.Count > 0)
            {
                result["context"] = quoted;
            }
        }
        result["from"] = waId;
        result["id"] = wamid;
        result["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
        result["type"] = type;
        if (type == "unsupported")
        {
            result["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131051,
                ["title"] = "Message type unknown",
                ["message"] = "Message type unknown",
                ["error_data"] = new JsonObject { ["details"] = "Message type is currently not supported." },
            });
            result["unsupported"] = new JsonObject { ["type"] = request.Object("unsupported").Text("type") ?? "unknown" };
        }
        else
        {
            result[type] = content;
        }
        message = result;
        return null;
    }

    private static (JsonNode?, string?) Text(JsonObject request)
    {
        // {"text":"hi"} is accepted as a shorthand for the wire shape {"text":{"body":"hi"}}.
        var body = request.Text("text") ?? request.Object("text").Text("body");
        return string.IsNullOrEmpty(body)
            ? (null, "text.body is required.")
            : (new JsonObject { ["body"] = body }, null);
    }

    private (JsonNode?, string?) Media(BusinessNumber number, string type, JsonObject? given, HttpRequest http)
    {
        if (given is null)
        {
            return (null, $"{type} is required: {{\"base64\": \"…\", \"mimeType\": \"…\"}} or {{\"id\": \"<media id>\"}}.");
        }
        MediaItem item;
        if (given.TextOrNumber("id") is { } existingId)
        {
            if (media.Find(existingId) is not { } existing)
            {
                return (null, $"Media {existingId} does not exist.");
            }
            item = existing;
        }
        else
        {
            var mimeType = given.Text("mimeType") ?? given.Text("mime_type");
            if (string.IsNullOrEmpty(mimeType) || !MediaRules.IsSupported(mimeType))
            {
                return (null, $"{type}.mimeType must be one of {string.Join(", ", MediaRules.Supported.Keys)}.");
            }
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(given.Text("base64") ?? "");
            }
            catch (FormatException)
            {
                return (null, $"{type}.base64 is not valid base64.");
            }
            if (bytes.Length == 0)
            {
                return (null, $"{type}.base64 is required.");
            }
            // WhatsApp records voice notes as OGG/OPUS and says so in the MIME type (spec §2.6, §3.5).
            if (type == "audio" && given.Flag("voice") == true && MediaRules.BaseMimeType(mimeType) == "audio/ogg")
            {
                mimeType = "audio/ogg; codecs=opus";
            }
            item = media.Add(number.PhoneNumberId, number.Settings.WabaId, mimeType, bytes, given.Text("filename"), MediaStore.InboundLifetime);
        }

        var result = new JsonObject();
        if (type is "image" or "video" or "document" && given.Text("caption") is { } caption)
        {
            result["caption"] = caption;
        }
        if (type == "document")
        {
            result["filename"] = given.Text("filename") ?? item.FileName ?? "document";
        }
        result["mime_type"] = item.MimeType;
        result["sha256"] = item.Sha256Base64;
        result["id"] = item.Id;
        result["url"] = signer.UrlFor(item, http);
        if (type == "audio")
        {
            result["voice"] = given.Flag("voice") ?? false;
        }
        if (type == "sticker")
        {
            result["animated"] = given.Flag("animated") ?? MediaRules.IsAnimatedWebp(item.Content);
        }
        return (result, null);
    }

    private static (JsonNode?, string?) Location(JsonObject? location)
    {
        if (location.Number("latitude") is not { } latitude || location.Number("longitude") is not { } longitude)
        {
            return (null, "location.latitude and location.longitude are required numbers.");
        }
        var result = new JsonObject();
        if (location.Text("address") is { } address)
        {
            result["address"] = address;
        }
        result["latitude"] = latitude;
        result["longitude"] = longitude;
        if (location.Text("name") is { } name)
        {
            result["name"] = name;
        }
        if (location.Text("url") is { } url)
        {
            result["url"] = url;
        }
        return (result, null);
    }

    private static (JsonNode?, string?) Interactive(JsonObject? interactive)
    {
        var type = interactive.Text("type");
        if (type is not ("button_reply" or "list_reply"))
        {
            return (null, "interactive.type must be button_reply or list_reply.");
        }
        var reply = interactive.Object(type);
        if (reply.Text("id") is not { Length: > 0 } id || reply.Text("title") is not { Length: > 0 } title)
        {
            return (null, $"interactive.{type} needs id and title.");
        }
        var result = new JsonObject { ["id"] = id, ["title"] = title };
        if (type == "list_reply" && reply.Text("description") is { } description)
        {
            result["description"] = description;
        }
        return (new JsonObject { ["type"] = type, [type] = result }, null);
    }

    private static (JsonNode?, string?) Button(JsonObject? button) =>
        button.Text("text") is { Length: > 0 } text
            ? (new JsonObject { ["payload"] = button.Text("payload") ?? text, ["text"] = text }, null)
            : (null, "button.text is required (and button.payload, the quick reply's payload).");

    private static (JsonNode?, string?) Reaction(JsonObject? reaction)
    {
        if (reaction.Text("message_id") is not { Length: > 0 } messageId)
        {
            return (null, "reaction.message_id is required.");
        }
        var result = new JsonObject { ["message_id"] = messageId };
        // Removing a reaction is the same shape without the emoji (spec §3.5).
        if (reaction.Text("emoji") is { Length: > 0 } emoji)
        {
            result["emoji"] = emoji;
        }
        return (result, null);
    }

    private static (JsonNode?, string?) System(JsonObject? system) =>
        system.Text("body") is { Length: > 0 } && system.Text("type") is { Length: > 0 }
            ? (system!.DeepClone(), null)
            : (null, "system.body and system.type are required (e.g. type user_changed_number with wa_id).");
}
