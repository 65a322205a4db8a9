using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Graph;
using Switchboard.Emulator.Messages;
using Switchboard.Emulator.Numbers;
using Switchboard.Emulator.Webhooks;

namespace Switchboard.Emulator.Customers;

/// <summary>
/// A customer sends a message to a business number: it is recorded (opening the customer-service window
/// from its timestamp, except for <c>system</c> messages, spec §7.4) and queued as a signed webhook.
/// </summary>
public sealed class CustomerMessages(
    InboundMessageFactory factory,
    CustomerDirectory customers,
    ConversationStore conversations,
    MessageLedger ledger,
    WebhookDispatcher webhooks,
    TimeProvider time)
{
    public sealed record Received(InboundMessage Message, WebhookDelivery Delivery);

    public string? Receive(BusinessNumber number, string waId, JsonObject request, HttpRequest http, out Received? received)
    {
        received = null;
        var now = time.GetUtcNow();
        long timestamp;
        switch (request["timestamp"])
        {
            case null:
                timestamp = now.ToUnixTimeSeconds();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number1):
                timestamp = number1;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String
                && long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number2):
                timestamp = number2;
                break;
            default:
                return "timestamp must be unix seconds (a number or a string of digits).";
        }

        var customer = request.Text("name") is { Length: > 0 } name
            ? customers.Update(waId, profile => profile with { Name = name })
            : customers.Get(waId);
        var wamid = Wamid.ForInbound(waId);
        if (factory.Build(number, waId, wamid, timestamp, request, http, out var message) is { } problem)
        {
            return problem;
        }
        var built = message!;
        var type = built.Text("type")!;
        var inbound = new InboundMessage(wamid, number.PhoneNumberId, waId, type, timestamp, built.ToJsonString(), now);
        if (type != "system")
        {
            number.Windows.RecordInbound(waId, timestamp);
        }
        ledger.Add(inbound);
        conversations.For(number.PhoneNumberId, waId).Add(inbound, now);

        var settings = number.Settings;
        // System messages (a changed number) carry no contacts (spec §3.4).
        var contact = type == "system"
            ? null
            : new JsonObject { ["profile"] = new JsonObject { ["name"] = customer.DisplayName }, ["wa_id"] = waId };
        var body = GraphJson.ToWebhookBytes(WebhookPayloads.Message(settings, contact, built));
        var delivery = webhooks.Send(number.PhoneNumberId, WebhookKind.Messages, new WebhookTarget(settings.WebhookUrl, settings.AppSecret), body);
        received = new Received(inbound, delivery);
        return null;
    }
}
