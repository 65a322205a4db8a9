using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Webhooks;

public sealed class The_status_sequence(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static string StatusOf(JsonObject status) => status["status"]!.GetValue<string>();

    [Fact]
    public async Task Of_an_accepted_send_is_sent_then_delivered_then_read()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var wamid = (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);
        Assert.Equal(["sent", "delivered", "read"], statuses.Select(StatusOf));
        Assert.All(statuses, s =>
        {
            Assert.Equal(waId, s["recipient_id"]!.GetValue<string>());
            Assert.Matches(@"^\d{10}$", s["timestamp"]!.GetValue<string>());
        });
        await Eventually.UntilAsync(
            async () => (await Emulator.OutboxEntryAsync(Number, wamid))["status"]!.GetValue<string>() == "read",
            "the outbox to show read");
    }

    [Fact]
    public async Task Carries_pricing_on_sent_and_delivered_but_not_on_read()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var wamid = (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);
        var pricing = statuses[0]["pricing"]!;
        Assert.False(pricing["billable"]!.GetValue<bool>());
        Assert.Equal("PMP", pricing["pricing_model"]!.GetValue<string>());
        Assert.Equal("free_customer_service", pricing["type"]!.GetValue<string>());
        Assert.Equal("service", pricing["category"]!.GetValue<string>());
        Assert.NotNull(statuses[1]["pricing"]);
        Assert.Null(statuses[2]["pricing"]);
        Assert.All(statuses, s => Assert.Null(s["conversation"]));
    }

    [Fact]
    public async Task Of_a_reaction_is_only_sent()
    {
        var waId = TestIds.WaId();
        var inbound = await Emulator.CustomerWritesAsync(Number, waId, "Thanks!");

        var reaction = (await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = waId,
            ["type"] = "reaction",
            ["reaction"] = new JsonObject { ["message_id"] = inbound, ["emoji"] = "❤️" },
        })).Wamid;
        // A later message's read can only arrive after the reaction's read would have.
        var later = (await Emulator.SendTextAsync(Number, waId, "later")).Wamid;
        await Receiver.WaitForStatusesAsync(later, s => s.Count == 3);

        var statuses = await Receiver.WaitForStatusesAsync(reaction, s => s.Count >= 1);
        Assert.Equal(["sent"], statuses.Select(StatusOf));
    }

    [Fact]
    public async Task Stops_at_delivered_for_a_customer_with_read_receipts_off()
    {
        var waId = TestIds.WaId();
        await Emulator.SetCustomerAsync(waId, new JsonObject { ["readReceipts"] = false });
        await Emulator.CustomerWritesAsync(Number, waId, "Hi");

        var wamid = (await Emulator.SendTextAsync(Number, waId, "Hello")).Wamid;
        var other = await CustomerWithOpenWindowAsync();
        var later = (await Emulator.SendTextAsync(Number, other, "later")).Wamid;
        await Receiver.WaitForStatusesAsync(later, s => s.Count == 3);

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count >= 2);
        Assert.Equal(["sent", "delivered"], statuses.Select(StatusOf));
    }

    [Fact]
    public async Task Of_a_voice_message_ends_with_played()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var wamid = (await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = waId,
            ["type"] = "audio",
            ["audio"] = new JsonObject { ["link"] = "https://example.com/note.ogg", ["voice"] = true },
        })).Wamid;

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 4);
        Assert.Equal(["sent", "delivered", "read", "played"], statuses.Select(StatusOf));
    }

    [Fact]
    public async Task Echoes_biz_opaque_callback_data()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var wamid = (await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = waId,
            ["text"] = new JsonObject { ["body"] = "Hi" },
            ["biz_opaque_callback_data"] = "campaign-42",
        })).Wamid;

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);
        Assert.All(statuses, s => Assert.Equal("campaign-42", s["biz_opaque_callback_data"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Fails_with_131026_for_a_customer_who_is_not_on_whatsapp()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetCustomerAsync(waId, new JsonObject { ["onWhatsApp"] = false });

        var wamid = (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count >= 1);
        Assert.Equal(131026, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Is_listed_in_the_outbox_in_order_with_each_request_as_sent()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var first = (await Emulator.SendTextAsync(Number, waId, "one")).Wamid;
        var second = (await Emulator.SendTextAsync(Number, waId, "two")).Wamid;

        var outbox = await Emulator.GetArrayAsync($"/_emulator/numbers/{Number.PhoneNumberId}/outbox");

        Assert.Equal([first, second], outbox.Select(m => m!["id"]!.GetValue<string>()));
        Assert.Equal("two", outbox[1]!["request"]!["text"]!["body"]!.GetValue<string>());
        Assert.Equal(waId, outbox[1]!["to"]!.GetValue<string>());
        Assert.True(outbox[0]!["sequence"]!.GetValue<long>() < outbox[1]!["sequence"]!.GetValue<long>());
    }
}
