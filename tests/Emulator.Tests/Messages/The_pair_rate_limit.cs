using System.Net;
using System.Text.Json.Nodes;
using Switchboard.Emulator.Tests.Infrastructure;

namespace Switchboard.Emulator.Tests.Messages;

public sealed class The_pair_rate_limit(EmulatorFactory factory) : EmulatorTest(factory)
{
    protected override JsonObject? NumberOptions => new() { ["pairRateBurst"] = 3, ["throughputPerSecond"] = 1000 };

    [Fact]
    public async Task A_burst_above_the_pair_rate_to_one_recipient_fails_with_131056()
    {
        var waId = await CustomerWithOpenWindowAsync();

        var responses = new List<GraphResponse>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await Emulator.SendTextAsync(Number, waId, $"Message {i}"));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(HttpStatusCode.BadRequest, responses[3].Status);
        Assert.Equal(131056, responses[3].ErrorCode);
    }

    [Fact]
    public async Task Does_not_hold_back_other_recipients()
    {
        var first = await CustomerWithOpenWindowAsync();
        var second = await CustomerWithOpenWindowAsync();
        for (var i = 0; i < 3; i++)
        {
            await Emulator.SendTextAsync(Number, first, "fill the bucket");
        }

        var response = await Emulator.SendTextAsync(Number, second, "Hi");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(131056, (await Emulator.SendTextAsync(Number, first, "one too many")).ErrorCode);
    }

    [Fact]
    public async Task Is_off_when_the_burst_is_zero()
    {
        await Emulator.RegisterAsync(Number, Receiver.Url, new JsonObject { ["pairRateBurst"] = 0, ["throughputPerSecond"] = 1000 });
        var waId = await CustomerWithOpenWindowAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Emulator.SendTextAsync(Number, waId, $"Message {i}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
    }
}
