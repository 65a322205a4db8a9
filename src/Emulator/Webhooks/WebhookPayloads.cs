using System.Text.Json.Nodes;
using Switchboard.Emulator.Numbers;

namespace Switchboard.Emulator.Webhooks;

/// <summary>
/// The webhook envelopes of spec §3.4 and §3.8, with keys in the order Meta's examples show them.
/// Pure functions: the caller decides when and where they are sent.
/// </summary>
public static class WebhookPayloads
{
    /// <summary>An inbound message (<c>field = "messages"</c>). <paramref name="contact"/> is null for <c>system</c> messages, which carry no contacts.</summary>
    public static JsonObject Message(NumberSettings number, JsonObject? contact, JsonObject message)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = Metadata(number),
        };
        if (contact is not null)
        {
            value["contacts"] = new JsonArray(contact);
        }
        value["messages"] = new JsonArray(message);
        return Envelope(number.WabaId, [Change(value, "messages")]);
    }

    /// <summary>
    /// Status updates. One status gives one change; a batch (the <c>statusBatchWindowMs</c> chaos knob)
    /// gives several changes of up to two statuses each, so a parser that reads only the first
    /// element of either <c>changes[]</c> or <c>statuses[]</c> loses updates.
    /// </summary>
    public static JsonObject Statuses(NumberSettings number, IReadOnlyList<JsonObject> statuses)
    {
        var changes = statuses
            .Chunk(2)
            .Select(chunk => Change(
                new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = Metadata(number),
                    ["statuses"] = new JsonArray([.. chunk]),
                },
                "messages"))
            .ToArray();
        return Envelope(number.WabaId, changes);
    }

    /// <summary>
    /// <c>message_template_status_update</c> (spec §3.8): account-level, so the entry has an integer
    /// <c>time</c>, no metadata, and Meta's example puts <c>entry</c> before <c>object</c>.
    /// </summary>
    public static JsonObject TemplateStatus(string wabaId, long unixTime, JsonObject value) => new()
    {
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = wabaId,
            ["time"] = unixTime,
            ["changes"] = new JsonArray(Change(value, "message_template_status_update")),
        }),
        ["object"] = "whatsapp_business_account",
    };

    private static JsonObject Envelope(string wabaId, JsonObject[] changes) => new()
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = wabaId,
            ["changes"] = new JsonArray([.. changes]),
        }),
    };

    private static JsonObject Change(JsonObject value, string field) => new()
    {
        ["value"] = value,
        ["field"] = field,
    };

    private static JsonObject Metadata(NumberSettings number) => new()
    {
        ["display_phone_number"] = number.DisplayPhoneNumberDigits,
        ["phone_number_id"] = number.PhoneNumberId,
    };
}
