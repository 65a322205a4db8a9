using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class Marking_a_message_read(EmulatorFactory factory) : EmulatorTest(factory)
{
    private Task<GraphResponse> MarkReadAsync(string wamid, bool typing = false)
    {
        var body = new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = wamid };
        if (typing)
        {
            body["typing_indicator"] = new JsonObject { ["type"] = "text" };
        }
        return Emulator.SendAsync(Number, body);
    }

    private async Task<JsonNode> ConversationAsync(string waId) =>
        JsonNode.Parse(await Emulator.Http.GetStringAsync($"/_emulator/numbers/{Number.PhoneNumberId}/customers/{waId}/conversation"))!;

    [Fact]
    public async Task Of_an_incoming_message_succeeds_and_marks_the_earlier_ones_too()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "first");
        var second = await Emulator.CustomerWritesAsync(Number, waId, "second");

        var response = await MarkReadAsync(second);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"success":true}""", response.Text);
        var messages = (await ConversationAsync(waId))["messages"]!.AsArray();
        Assert.All(messages, m => Assert.True(m!["readByBusiness"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task With_a_typing_indicator_shows_the_business_typing()
    {
        var waId = TestIds.WaId();
        var inbound = await Emulator.CustomerWritesAsync(Number, waId, "Anyone there?");

        var response = await MarkReadAsync(inbound, typing: true);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True((await ConversationAsync(waId))["typing"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Of_an_outgoing_message_fails_with_100()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var outgoing = (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;

        var response = await MarkReadAsync(outgoing);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(100, response.ErrorCode);
        Assert.Contains("is outgoing. Please use an incoming message ID.", response.Json["error"]!["error_data"]!["details"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_an_unknown_message_fails_with_100()
    {
        var response = await MarkReadAsync("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA");

        Assert.Equal(100, response.ErrorCode);
        Assert.Equal("Please check the message ID you have provided.", response.Json["error"]!["error_data"]!["details"]!.GetValue<string>());
    }

    [Fact]
    public async Task Does_not_count_against_the_throughput()
    {
        await Emulator.RegisterAsync(Number, Receiver.Url, new JsonObject { ["throughputPerSecond"] = 1 });
        var inbound = await Emulator.CustomerWritesAsync(Number, TestIds.WaId(), "Hi");

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => MarkReadAsync(inbound)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
