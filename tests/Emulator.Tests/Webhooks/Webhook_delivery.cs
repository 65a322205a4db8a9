using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Webhooks;

public sealed class Webhook_delivery(EmulatorFactory factory) : EmulatorTest(factory)
{
    private async Task<JsonObject> DeliveryAsync(long webhookId) =>
        (await Emulator.GetArrayAsync($"/_emulator/numbers/{Number.PhoneNumberId}/webhooks")).Single(d => d!["id"]!.GetValue<long>() == webhookId)!.AsObject();

    [Fact]
    public async Task Is_acknowledged_only_by_http_200_and_retried_otherwise()
    {
        Receiver.Answer = n => n switch { 1 => 204, 2 => 500, _ => 200 };

        var answer = await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject { ["type"] = "text", ["text"] = "Hi" });

        Assert.Equal("acknowledged", answer["delivery"]!.GetValue<string>());
        var delivery = await DeliveryAsync(answer["webhookId"]!.GetValue<long>());
        Assert.Equal([204, 500, 200], delivery["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
        Assert.Equal(3, Receiver.Received.Count);
        Assert.All(Receiver.Received, r => Assert.Equal(Receiver.Received[0].Body, r.Body));
        Assert.All(Receiver.Received, r => Assert.Equal(Receiver.Received[0].Signature, r.Signature));
    }

    [Fact]
    public async Task Is_abandoned_when_the_retry_schedule_runs_out()
    {
        Receiver.Answer = _ => 503;

        var answer = await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject { ["type"] = "text", ["text"] = "Hi" });

        Assert.Equal("abandoned", answer["delivery"]!.GetValue<string>());
        var delivery = await DeliveryAsync(answer["webhookId"]!.GetValue<long>());
        Assert.Equal(5, delivery["attempts"]!.AsArray().Count);
        Assert.Equal("abandoned", delivery["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Of_a_customer_message_is_already_received_when_the_waiting_answer_comes()
    {
        var answer = await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject { ["type"] = "text", ["text"] = "Hi" }, wait: true);

        Assert.Equal("acknowledged", answer["delivery"]!.GetValue<string>());
        Assert.Single(Receiver.Received);
    }

    [Fact]
    public async Task Of_a_customer_message_can_be_queued_without_waiting()
    {
        var answer = await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject { ["type"] = "text", ["text"] = "Hi" }, wait: false);

        Assert.Equal("queued", answer["delivery"]!.GetValue<string>());
        await Receiver.WaitForAsync(r => r.Messages.Any(), "the queued message");
    }

    [Fact]
    public async Task Is_recorded_with_the_exact_body_and_signature_sent()
    {
        var answer = await Emulator.CustomerSendsAsync(Number, TestIds.WaId(), new JsonObject { ["type"] = "text", ["text"] = "Olá" });

        var delivery = await DeliveryAsync(answer["webhookId"]!.GetValue<long>());
        var received = Assert.Single(Receiver.Received);
        Assert.Equal(received.Text, delivery["body"]!.GetValue<string>());
        Assert.Equal(received.Signature, delivery["signature"]!.GetValue<string>());
        Assert.Equal("messages", delivery["kind"]!.GetValue<string>());
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
    }
}
