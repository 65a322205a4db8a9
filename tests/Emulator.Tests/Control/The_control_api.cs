using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Control;

public sealed class The_control_api(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static object Registration(TestNumber number, Uri webhookUrl) => new
    {
        phoneNumberId = number.PhoneNumberId,
        wabaId = number.WabaId,
        displayPhoneNumber = number.DisplayPhoneNumber,
        accessToken = number.AccessToken,
        appSecret = number.AppSecret,
        webhookUrl,
    };

    [Fact]
    public async Task Registers_a_new_number_with_201_and_the_same_number_again_with_200()
    {
        var number = TestNumber.Create();

        using var first = await Emulator.Http.PostAsJsonAsync("/_emulator/numbers", Registration(number, Receiver.Url));
        using var second = await Emulator.Http.PostAsJsonAsync("/_emulator/numbers", Registration(number, Receiver.Url));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var described = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(80, described["throughputPerSecond"]!.GetValue<int>());
        Assert.Equal(45, described["pairRateBurst"]!.GetValue<int>());
        Assert.Equal("async", described["windowFailureMode"]!.GetValue<string>());
        Assert.Null(described["accessToken"]);
    }

    [Fact]
    public async Task Refuses_a_number_without_a_webhook_url()
    {
        using var response = await Emulator.Http.PostAsJsonAsync("/_emulator/numbers", new { phoneNumberId = "1234", wabaId = "5678", displayPhoneNumber = "1", accessToken = "t", appSecret = "s" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("webhookUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_every_graph_request_with_its_body_and_answer()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SendTextAsync(Number, waId, "logged");
        await Emulator.SendTextAsync(Number, waId, new string('x', 5000));

        var requests = await Emulator.GetArrayAsync($"/_emulator/requests?phoneNumberId={Number.PhoneNumberId}");

        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0]!["method"]!.GetValue<string>());
        Assert.Equal($"/{EmulatorClient.Version}/{Number.PhoneNumberId}/messages", requests[0]!["path"]!.GetValue<string>());
        Assert.Contains("logged", requests[0]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([200, 400], requests.Select(r => r!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Lists_webhooks_by_kind()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var wamid = (await Emulator.SendTextAsync(Number, waId, "Hi")).Wamid;
        await Receiver.WaitForStatusesAsync(wamid, s => s.Count == 3);

        var messages = await Emulator.GetArrayAsync($"/_emulator/numbers/{Number.PhoneNumberId}/webhooks?kind=messages");
        var statuses = await Emulator.GetArrayAsync($"/_emulator/numbers/{Number.PhoneNumberId}/webhooks?kind=statuses");

        Assert.Single(messages);
        Assert.Equal(3, statuses.Count);
        Assert.All(statuses, d => Assert.Equal("acknowledged", d!["state"]!.GetValue<string>()));
    }
}

/// <summary>A reset in its own emulator, so that it cannot disturb other test classes.</summary>
public sealed class The_reset(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task Forgets_numbers_registered_through_the_api()
    {
        using var reset = await Emulator.Http.PostAsync("/_emulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        using var lookup = await Emulator.Http.GetAsync($"/_emulator/numbers/{Number.PhoneNumberId}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Stops_status_webhooks_scheduled_before_it()
    {
        await Emulator.RegisterAsync(Number, Receiver.Url, new JsonObject { ["statusDelaysMs"] = new JsonObject { ["sent"] = 300, ["delivered"] = 300, ["read"] = 300 } });
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SendTextAsync(Number, waId, "Hi");

        using var _ = await Emulator.Http.PostAsync("/_emulator/reset", null);
        var marker = await Emulator.RegisterAsync(TestNumber.Create(), Receiver.Url, new JsonObject { ["statusDelaysMs"] = new JsonObject { ["sent"] = 600 } });
        var markerCustomer = TestIds.WaId();
        await Emulator.CustomerWritesAsync(marker, markerCustomer, "Hi");
        var markerWamid = (await Emulator.SendTextAsync(marker, markerCustomer, "after the reset")).Wamid;
        await Receiver.WaitForStatusesAsync(markerWamid, s => s.Count >= 1);

        Assert.DoesNotContain(Receiver.Received, r => r.Statuses.Any(s => s["recipient_id"]!.GetValue<string>() == waId));
    }
}
