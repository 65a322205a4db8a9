using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class The_throughput_limit(EmulatorFactory factory) : EmulatorTest(factory)
{
    protected override JsonObject? NumberOptions => new() { ["throughputPerSecond"] = 5 };

    [Fact]
    public async Task Sends_above_the_numbers_throughput_fail_with_130429()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Emulator.SendTextAsync(Number, TestIds.WaId(), "Promo")));
        var refilled = (int)Math.Ceiling(clock.Elapsed.TotalSeconds * 5);

        var refused = responses.Where(r => r.Status == HttpStatusCode.BadRequest).ToList();
        // One second of burst (5), plus whatever refilled while the requests were in flight.
        Assert.InRange(responses.Count(r => r.Status == HttpStatusCode.OK), 5, 5 + refilled);
        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.Equal(130429, r.ErrorCode);
            Assert.Equal(2494055, r.Json["error"]!["error_subcode"]!.GetValue<int>());
            Assert.Equal("(#130429) Rate limit hit", r.Json["error"]!["message"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Refills_at_the_configured_rate()
    {
        while ((await Emulator.SendTextAsync(Number, TestIds.WaId(), "drain")).Status == HttpStatusCode.OK)
        {
        }

        // At 5 per second a token is back within 200 ms; poll rather than sleep.
        await Eventually.UntilAsync(
            async () => (await Emulator.SendTextAsync(Number, TestIds.WaId(), "again")).Status == HttpStatusCode.OK,
            "a send after the bucket refilled",
            TimeSpan.FromSeconds(3));
    }
}
