using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class Receiving_a_customer_message(EmulatorFactory factory) : EmulatorTest(factory)
{
    private async Task<(JsonObject Value, JsonObject Message)> ReceiveAsync(JsonObject message, string? waId = null)
    {
        var wamid = (await Emulator.CustomerSendsAsync(Number, waId ?? TestIds.WaId(), message))["id"]!.GetValue<string>();
        // Status webhooks of earlier sends may arrive in between: pick the POST that carries this message.
        var webhook = Receiver.Received.Single(r => r.Messages.Any(m => m["id"]!.GetValue<string>() == wamid));
        var value = webhook.Changes.Single()["value"]!.AsObject();
        return (value, webhook.Messages.Single());
    }

    [Fact]
    public async Task Arrives_in_the_cloud_api_envelope()
    {
        var waId = TestIds.WaId();

        await Emulator.CustomerSendsAsync(Number, waId, new JsonObject { ["name"] = "Sheena Nelson", ["type"] = "text", ["text"] = new JsonObject { ["body"] = "Does it come in another color?" } });

        var json = Receiver.Received.Single().Json;
        Assert.Equal("whatsapp_business_account", json["object"]!.GetValue<string>());
        var entry = json["entry"]![0]!;
        Assert.Equal(Number.WabaId, entry["id"]!.GetValue<string>());
        Assert.Null(entry["time"]);
        var change = entry["changes"]![0]!;
        Assert.Equal("messages", change["field"]!.GetValue<string>());
        var value = change["value"]!;
        Assert.Equal("whatsapp", value["messaging_product"]!.GetValue<string>());
        Assert.Equal(new string([.. Number.DisplayPhoneNumber.Where(char.IsAsciiDigit)]), value["metadata"]!["display_phone_number"]!.GetValue<string>());
        Assert.Equal(Number.PhoneNumberId, value["metadata"]!["phone_number_id"]!.GetValue<string>());
        Assert.Equal("Sheena Nelson", value["contacts"]![0]!["profile"]!["name"]!.GetValue<string>());
        Assert.Equal(waId, value["contacts"]![0]!["wa_id"]!.GetValue<string>());
        var message = value["messages"]![0]!;
        Assert.Equal(waId, message["from"]!.GetValue<string>());
        Assert.StartsWith("wamid.", message["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Matches(@"^\d{10}$", message["timestamp"]!.GetValue<string>());
        Assert.Equal("text", message["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Keeps_the_timestamp_it_was_given()
    {
        var (_, message) = await ReceiveAsync(new JsonObject { ["type"] = "text", ["text"] = "old", ["timestamp"] = 1749416383 });

        Assert.Equal("1749416383", message["timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Quoting_a_business_message_carries_it_in_context()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var business = (await Emulator.SendTextAsync(Number, waId, "Which size?")).Wamid;

        var (_, message) = await ReceiveAsync(new JsonObject { ["type"] = "text", ["text"] = "M", ["context"] = new JsonObject { ["id"] = business } }, waId);

        Assert.Equal(business, message["context"]!["id"]!.GetValue<string>());
        Assert.Equal(new string([.. Number.DisplayPhoneNumber.Where(char.IsAsciiDigit)]), message["context"]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task That_was_forwarded_says_so_in_context()
    {
        var (_, message) = await ReceiveAsync(new JsonObject { ["type"] = "text", ["text"] = "fwd", ["context"] = new JsonObject { ["forwarded"] = true } });

        Assert.True(message["context"]!["forwarded"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{"type":"location","location":{"latitude":37.44221496582,"longitude":-122.16165924072,"name":"Philz Coffee","address":"101 Forest Ave"}}""", "location", "latitude")]
    [InlineData("""{"type":"contacts","contacts":[{"name":{"formatted_name":"Lucía Gómez","first_name":"Lucía"},"phones":[{"phone":"+1 (983) 555-2319","wa_id":"19835552319","type":"MOBILE"}]}]}""", "contacts", "0")]
    [InlineData("""{"type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"priority_express","title":"Priority Mail Express","description":"Next Day"}}}""", "interactive", "list_reply")]
    [InlineData("""{"type":"button","button":{"payload":"Unsubscribe","text":"Unsubscribe"}}""", "button", "payload")]
    [InlineData("""{"type":"reaction","reaction":{"message_id":"wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=","emoji":"👍"}}""", "reaction", "emoji")]
    [InlineData("""{"type":"document","document":{"base64":"JVBERi0xLjQK","mimeType":"application/pdf","filename":"receipt.pdf"}}""", "document", "filename")]
    [InlineData("""{"type":"sticker","sticker":{"base64":"UklGRgAAAABXRUJQVlA4IA==","mimeType":"image/webp"}}""", "sticker", "animated")]
    [InlineData("""{"type":"video","video":{"base64":"AAAAGGZ0eXBtcDQy","mimeType":"video/mp4","caption":"My vacation video"}}""", "video", "caption")]
    public async Task Of_each_inbound_type_carries_the_object_named_after_its_type(string request, string type, string field)
    {
        var (_, message) = await ReceiveAsync(JsonNode.Parse(request)!.AsObject());

        Assert.Equal(type, message["type"]!.GetValue<string>());
        var content = message[type]!;
        Assert.NotNull(content is JsonArray array ? array[int.Parse(field, System.Globalization.CultureInfo.InvariantCulture)] : content[field]);
    }

    [Fact]
    public async Task Removing_a_reaction_leaves_out_the_emoji()
    {
        var (_, message) = await ReceiveAsync(new JsonObject
        {
            ["type"] = "reaction",
            ["reaction"] = new JsonObject { ["message_id"] = "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=" },
        });

        Assert.False(message["reaction"]!.AsObject().ContainsKey("emoji"));
    }

    [Fact]
    public async Task A_tap_on_a_reply_button_quotes_the_business_message()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var business = (await Emulator.SendAsync(Number, new JsonObject { ["to"] = waId, ["type"] = "interactive", ["interactive"] = Sending_a_message.Buttons(2, "Size") })).Wamid;

        var (_, message) = await ReceiveAsync(JsonNode.Parse($$$"""
            {"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"b1","title":"Size1"}},"context":{"id":"{{{business}}}"}}
            """)!.AsObject(), waId);

        Assert.Equal("Size1", message["interactive"]!["button_reply"]!["title"]!.GetValue<string>());
        Assert.Equal(business, message["context"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_type_system_has_no_contacts()
    {
        var (value, message) = await ReceiveAsync(new JsonObject
        {
            ["type"] = "system",
            ["system"] = new JsonObject { ["body"] = "User A changed from 1 to 2", ["wa_id"] = "12195555358", ["type"] = "user_changed_number" },
        });

        Assert.False(value.ContainsKey("contacts"));
        Assert.Equal("user_changed_number", message["system"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_an_unsupported_type_carries_error_131051()
    {
        var (_, message) = await ReceiveAsync(new JsonObject { ["type"] = "unsupported", ["unsupported"] = new JsonObject { ["type"] = "poll_creation" } });

        Assert.Equal(131051, message["errors"]![0]!["code"]!.GetValue<int>());
        Assert.Equal("poll_creation", message["unsupported"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_its_type_object_is_refused()
    {
        using var response = await Emulator.Http.PostAsJsonAsync($"/_emulator/customers/{TestIds.WaId()}/messages", new { phoneNumberId = Number.PhoneNumberId, type = "location" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Receiver.Received);
    }

    [Fact]
    public async Task To_an_unregistered_number_is_refused()
    {
        using var response = await Emulator.Http.PostAsJsonAsync($"/_emulator/customers/{TestIds.WaId()}/messages", new { phoneNumberId = "1", type = "text", text = "hi" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
