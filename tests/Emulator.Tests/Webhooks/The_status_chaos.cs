using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Webhooks;

public sealed class The_status_chaos(EmulatorFactory factory) : EmulatorTest(factory)
{
    private async Task<string> SendWithFaultsAsync(JsonObject faults)
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, faults);
        return (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;
    }

    [Fact]
    public async Task Can_send_every_status_twice_with_the_same_bytes()
    {
        var wamid = await SendWithFaultsAsync(new JsonObject { ["duplicateStatusRate"] = 1 });

        await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 6);

        var posts = Receiver.Received.Where(r => r.Statuses.Any(s => s["id"]!.GetValue<string>() == wamid)).ToList();
        Assert.All(posts.GroupBy(p => p.Text), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public async Task Can_deliver_statuses_in_reverse_order()
    {
        var wamid = await SendWithFaultsAsync(new JsonObject { ["outOfOrderRate"] = 1 });

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);

        Assert.Equal(["read", "delivered", "sent"], statuses.Select(s => s["status"]!.GetValue<string>()));
        await Eventually.UntilAsync(
            async () => (await Emulator.OutboxEntryAsync(Number, wamid))["status"]!.GetValue<string>() == "read",
            "the outbox to keep the highest status");
    }

    [Fact]
    public async Task Can_skip_delivered_and_then_prices_the_read()
    {
        var wamid = await SendWithFaultsAsync(new JsonObject { ["skipDeliveredRate"] = 1 });

        var statuses = await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 2);

        Assert.Equal(["sent", "read"], statuses.Select(s => s["status"]!.GetValue<string>()));
        Assert.NotNull(statuses[1]["pricing"]);
    }

    [Fact]
    public async Task Can_batch_several_statuses_in_one_post()
    {
        var wamid = await SendWithFaultsAsync(new JsonObject { ["statusBatchWindowMs"] = 1000 });

        await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);

        var post = Assert.Single(Receiver.Received, r => r.Statuses.Any(s => s["id"]!.GetValue<string>() == wamid));
        Assert.Equal(3, post.Statuses.Count());
        Assert.Equal(2, post.Changes.Count());
    }
}
