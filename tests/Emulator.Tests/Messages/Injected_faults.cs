using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class Injected_faults(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Fact]
    public async Task A_synchronous_failure_answers_with_a_configured_code_and_its_http_status()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, new JsonObject { ["failureRate"] = 1, ["failureCodes"] = new JsonArray(131000) });

        var response = await Emulator.SendTextAsync(Number, waId, "Hi");

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal(131000, response.ErrorCode);
        Assert.Equal("(#131000) Something went wrong", response.Json["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_asynchronous_failure_is_accepted_and_then_reported_as_failed()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, new JsonObject { ["failureRate"] = 1, ["failureCodes"] = new JsonArray(131049), ["failureMode"] = "async" });

        var response = await Emulator.SendTextAsync(Number, waId, "Hi");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var statuses = await Receiver.WaitForStatusesAsync(response.Wamid, s => s.Count >= 1);
        Assert.Equal(131049, statuses.Single()["errors"]![0]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Clearing_the_faults_restores_normal_sends()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, new JsonObject { ["failureRate"] = 1 });
        using var _ = await Emulator.Http.DeleteAsync($"/_emulator/numbers/{Number.PhoneNumberId}/faults");

        var response = await Emulator.SendTextAsync(Number, waId, "Hi");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Added_latency_delays_the_answer()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, new JsonObject { ["latencyMs"] = 300 });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await Emulator.SendTextAsync(Number, waId, "Hi");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        // Timers may fire a tick early against the stopwatch: allow a little.
        Assert.True(clock.ElapsedMilliseconds >= 280, $"answered after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task A_hung_send_leaves_the_client_without_an_answer_but_is_still_processed()
    {
        var waId = await CustomerWithOpenWindowAsync();
        await Emulator.SetFaultsAsync(Number, new JsonObject { ["hangSeconds"] = 1 });
        using var impatient = new HttpClient { BaseAddress = Factory.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            new EmulatorClient(impatient).SendTextAsync(Number, waId, "Did this go out?"));

        await Eventually.UntilAsync(
            async () => (await Emulator.GetArrayAsync($"/_emulator/numbers/{Number.PhoneNumberId}/outbox")).Count == 1,
            "the hung send to reach the outbox");
    }

    [Fact]
    public async Task Invalid_fault_settings_are_refused()
    {
        using var response = await Emulator.Http.PostAsync(
            $"/_emulator/numbers/{Number.PhoneNumberId}/faults",
            new StringContent("""{"failureRate":2}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
