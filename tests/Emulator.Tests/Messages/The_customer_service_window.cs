using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class The_customer_service_window(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static long HoursAgo(double hours) => DateTimeOffset.UtcNow.AddHours(-hours).ToUnixTimeSeconds();

    [Fact]
    public async Task A_free_form_send_24_hours_after_the_last_inbound_message_fails_with_131047()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "Hi, yesterday", timestamp: HoursAgo(24.5));

        var response = await Emulator.SendTextAsync(Number, waId, "Sorry for the wait");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        var failed = Assert.Single(statuses);
        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        var error = failed["errors"]![0]!;
        Assert.Equal(131047, error["code"]!.GetValue<int>());
        Assert.Equal("Re-engagement message", error["title"]!.GetValue<string>());
        Assert.Equal(error["title"]!.GetValue<string>(), error["message"]!.GetValue<string>());
        Assert.NotNull(error["error_data"]!["details"]);
        Assert.Null(failed["pricing"]);
        Assert.Equal("failed", (await Emulator.OutboxEntryAsync(Number, response.Wamid))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_free_form_send_to_a_customer_who_never_wrote_fails_with_131047()
    {
        var response = await Emulator.SendTextAsync(Number, TestIds.WaId(), "Hello?");

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        Assert.Equal(131047, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_free_form_send_outside_the_window_fails_synchronously_when_the_number_says_so()
    {
        await Emulator.RegisterAsync(Number, Receiver.Url, new JsonObject { ["windowFailureMode"] = "sync" });
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "Old", timestamp: HoursAgo(30));

        var response = await Emulator.SendTextAsync(Number, waId, "Too late");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(131047, response.ErrorCode);
        Assert.Equal("(#131047) Re-engagement message", response.Json["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_free_form_send_23_hours_after_the_last_inbound_message_is_delivered()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "Hi", timestamp: HoursAgo(23));

        var response = await Emulator.SendTextAsync(Number, waId, "Still in time");

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Any(x => x["status"]!.GetValue<string>() == "delivered"));
        Assert.DoesNotContain(statuses, s => s["status"]!.GetValue<string>() == "failed");
    }

    [Fact]
    public async Task Is_measured_from_the_latest_inbound_message_whatever_the_order_they_arrive_in()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerWritesAsync(Number, waId, "Recent", timestamp: HoursAgo(1));
        await Emulator.CustomerWritesAsync(Number, waId, "Delayed old one", timestamp: HoursAgo(48));

        var response = await Emulator.SendTextAsync(Number, waId, "Reply");

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Any(x => x["status"]!.GetValue<string>() == "sent"));
        Assert.DoesNotContain(statuses, s => s["status"]!.GetValue<string>() == "failed");
    }

    [Fact]
    public async Task Is_not_opened_by_a_system_message()
    {
        var waId = TestIds.WaId();
        await Emulator.CustomerSendsAsync(Number, waId, new JsonObject
        {
            ["type"] = "system",
            ["system"] = new JsonObject { ["body"] = "User changed number", ["wa_id"] = "12195555358", ["type"] = "user_changed_number" },
        });

        var response = await Emulator.SendTextAsync(Number, waId, "Hi");

        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        Assert.Equal(131047, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Does_not_apply_to_templates()
    {
        await Templates.TemplateSetup.SeedApprovedAsync(Emulator, Number, "window_check", "Hello {{1}}, your order shipped.", ["Ana"]);
        var waId = TestIds.WaId();

        var response = await Emulator.SendAsync(Number, Templates.TemplateSetup.TemplateMessage(waId, "window_check", "Ana"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Any(x => x["status"]!.GetValue<string>() == "delivered"));
        Assert.DoesNotContain(statuses, s => s["status"]!.GetValue<string>() == "failed");
    }
}
