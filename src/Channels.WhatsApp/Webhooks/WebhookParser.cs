using System.Text;
using System.Text.Json;
using Switchboard.Channels.WhatsApp.Json;
using Switchboard.Grains.Messages;

namespace Switchboard.Channels.WhatsApp.Webhooks;

/// <summary>
/// Reads Meta's webhook envelope into typed events. Walks every entry, every change, every message
/// and status — batches are normal — and keeps whatever it does not understand as an
/// <see cref="UnknownChange"/>. Bad JSON is a <see cref="WebhookParseResult.Malformed"/>, never an exception.
/// </summary>
public static class WebhookParser
{
    // Keys of a "messages" value this parser reads; any other key is kept as an unknown change.
    private static readonly HashSet<string> KnownMessagesValueKeys = new(StringComparer.Ordinal)
    {
        "messaging_product", "metadata", "contacts", "messages", "statuses", "errors",
    };

    public static WebhookParseResult Parse(string body) => Parse(Encoding.UTF8.GetBytes(body ?? ""));

    public static WebhookParseResult Parse(ReadOnlyMemory<byte> rawBody)
    {
        // JsonDocument checks string values lazily; reject bad UTF-8 up front so no read fails later.
        if (!System.Text.Unicode.Utf8.IsValid(rawBody.Span))
        {
            return new WebhookParseResult.Malformed("Not valid JSON: the body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(rawBody, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException exception)
        {
            return new WebhookParseResult.Malformed($"Not valid JSON: {exception.Message}");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static WebhookParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new WebhookParseResult.Malformed($"Expected a JSON object, got {root.ValueKind}.");
        }

        if (root.Property("entry") is { } entries && entries.ValueKind != JsonValueKind.Array)
        {
            return new WebhookParseResult.Malformed("'entry' is not an array.");
        }

        var events = new List<WebhookEvent>();
        foreach (var entry in root.Array("entry"))
        {
            ReadEntry(entry, events);
        }

        return new WebhookParseResult.Parsed(new WebhookNotification(root.String("object"), events));
    }

    private static void ReadEntry(JsonElement entry, List<WebhookEvent> events)
    {
        var wabaId = entry.String("id");
        var time = entry.UnixTime("time");
        if (entry.ValueKind != JsonValueKind.Object || entry.Property("changes") is not { ValueKind: JsonValueKind.Array } changes)
        {
            events.Add(new UnknownChange(new WebhookOrigin(wabaId, "", EntryTime: time), "Entry without a changes array", entry.GetRawText()));
            return;
        }

        foreach (var change in changes.EnumerateArray())
        {
            var field = change.String("field") ?? "";
            var value = change.Object("value");
            var metadata = value?.Object("metadata");
            var origin = new WebhookOrigin(wabaId, field, metadata?.String("phone_number_id"), metadata?.String("display_phone_number"), time);
            if (value is not { } changeValue)
            {
                events.Add(new UnknownChange(origin, "Change without a value object", change.GetRawText()));
                continue;
            }

            switch (field)
            {
                case "messages":
                    ReadMessagesValue(origin, changeValue, events);
                    break;
                case "message_template_status_update":
                    events.Add(ReadTemplateStatus(origin, changeValue));
                    break;
                case "user_preferences":
                    ReadUserPreferences(origin, changeValue, events);
                    break;
                default:
                    events.Add(new UnknownChange(origin, $"Field '{field}' has no typed view", change.GetRawText()));
                    break;
            }
        }
    }

    private static void ReadMessagesValue(WebhookOrigin origin, JsonElement value, List<WebhookEvent> events)
    {
        var contacts = value.Array("contacts").Where(c => c.ValueKind == JsonValueKind.Object).ToList();
        foreach (var message in value.Array("messages"))
        {
            events.Add(ReadMessage(origin, message, contacts));
        }

        foreach (var status in value.Array("statuses"))
        {
            events.Add(ReadStatus(origin, status));
        }

        if (value.Property("errors") is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0)
        {
            events.Add(new WebhookErrors(origin, ReadErrors(value), errors.GetRawText()));
        }

        var unknownKeys = value.EnumerateObject().Select(p => p.Name).Where(name => !KnownMessagesValueKeys.Contains(name)).ToList();
        if (unknownKeys.Count > 0)
        {
            events.Add(new UnknownChange(origin, $"Unrecognised keys in a messages value: {string.Join(", ", unknownKeys)}", value.GetRawText()));
        }
    }

    private static WebhookEvent ReadMessage(WebhookOrigin origin, JsonElement message, List<JsonElement> contacts)
    {
        if (message.ValueKind != JsonValueKind.Object || message.String("id") is not { Length: > 0 } id)
        {
            return new UnknownChange(origin, "Message without an id", message.GetRawText());
        }

        var from = message.String("from");
        var fromUserId = message.String("from_user_id");
        var type = message.String("type") ?? "unknown";
        var errors = ReadErrors(message);
        var contact = ContactFor(contacts, from, fromUserId);
        var content = type == "contacts"
            ? InboundContentMapper.MapContacts(message, errors)
            : InboundContentMapper.Map(message, type, errors);

        return new InboundMessage(
            origin,
            id,
            from ?? contact?.String("wa_id"),
            fromUserId ?? contact?.String("user_id"),
            contact?.Object("profile")?.String("name"),
            contact?.Object("profile")?.String("username"),
            message.UnixTime("timestamp"),
            type,
            content,
            ReadContext(message),
            ReadReferral(message),
            errors,
            message.GetRawText());
    }

    /// <summary>The sender's entry in <c>contacts[]</c>: by wa_id, else by user id, else the only one.</summary>
    private static JsonElement? ContactFor(List<JsonElement> contacts, string? from, string? fromUserId)
    {
        foreach (var contact in contacts)
        {
            if ((from is not null && contact.String("wa_id") == from) || (fromUserId is not null && contact.String("user_id") == fromUserId))
            {
                return contact;
            }
        }

        return contacts.Count == 1 ? contacts[0] : null;
    }

    private static InboundContext? ReadContext(JsonElement message)
    {
        if (message.Object("context") is not { } context)
        {
            return null;
        }

        var product = context.Object("referred_product");
        return new InboundContext(
            context.String("id"),
            context.String("from"),
            context.Boolean("forwarded") ?? false,
            context.Boolean("frequently_forwarded") ?? false,
            product?.String("catalog_id"),
            product?.String("product_retailer_id"));
    }

    private static InboundReferral? ReadReferral(JsonElement message) =>
        message.Object("referral") is { } referral
            ? new InboundReferral(
                referral.String("source_url"),
                referral.String("source_id"),
                referral.String("source_type"),
                referral.String("headline"),
                referral.String("body"),
                referral.String("media_type"),
                referral.String("image_url"),
                referral.String("video_url"),
                referral.String("thumbnail_url"),
                referral.String("ctwa_clid"),
                referral.GetRawText())
            : null;

    private static WebhookEvent ReadStatus(WebhookOrigin origin, JsonElement status)
    {
        if (status.ValueKind != JsonValueKind.Object || status.String("id") is not { Length: > 0 } id || status.String("status") is not { Length: > 0 } value)
        {
            return new UnknownChange(origin, "Status without an id or a status", status.GetRawText());
        }

        var conversation = status.Object("conversation");
        var pricing = status.Object("pricing");
        return new StatusUpdate(
            origin,
            id,
            value,
            KnownStatus(value),
            status.UnixTime("timestamp"),
            status.String("recipient_id"),
            status.String("recipient_user_id"),
            status.String("biz_opaque_callback_data"),
            conversation is { } c ? new StatusConversation(c.String("id"), c.UnixTime("expiration_timestamp"), c.Object("origin")?.String("type")) : null,
            pricing is { } p ? new StatusPricing(p.Boolean("billable"), p.String("pricing_model"), p.String("type"), p.String("category")) : null,
            ReadErrors(status),
            status.GetRawText());
    }

    private static MessageStatus? KnownStatus(string status) => status.ToLowerInvariant() switch
    {
        "sent" => MessageStatus.Sent,
        "delivered" => MessageStatus.Delivered,
        "read" => MessageStatus.Read,
        "played" => MessageStatus.Played,
        "failed" => MessageStatus.Failed,
        _ => null,
    };

    private static TemplateStatusUpdate ReadTemplateStatus(WebhookOrigin origin, JsonElement value)
    {
        var rejection = value.Object("rejection_info");
        var other = value.Object("other_info");
        return new TemplateStatusUpdate(
            origin,
            value.String("message_template_id"),
            value.String("message_template_name"),
            value.String("message_template_language")?.Replace('-', '_'),
            value.String("event") ?? "",
            value.String("reason"),
            value.String("message_template_category"),
            rejection?.String("reason"),
            rejection?.String("recommendation"),
            value.Object("disable_info")?.UnixTime("disable_date"),
            other?.String("title"),
            other?.String("description"),
            value.GetRawText());
    }

    private static void ReadUserPreferences(WebhookOrigin origin, JsonElement value, List<WebhookEvent> events)
    {
        var any = false;
        foreach (var preference in value.Array("user_preferences"))
        {
            any = true;
            events.Add(new UserPreferenceUpdate(
                origin,
                preference.String("wa_id"),
                preference.String("user_id"),
                preference.String("category"),
                preference.String("value"),
                preference.String("detail"),
                preference.UnixTime("timestamp"),
                preference.GetRawText()));
        }

        if (!any)
        {
            events.Add(new UnknownChange(origin, "user_preferences change without preferences", value.GetRawText()));
        }
    }

    private static IReadOnlyList<ProviderError> ReadErrors(JsonElement owner) =>
        owner.Array("errors")
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => new ProviderError(
                e.Int32("code") ?? 0,
                e.String("title") ?? e.String("message") ?? "",
                e.Object("error_data")?.String("details")))
            .ToList();
}
