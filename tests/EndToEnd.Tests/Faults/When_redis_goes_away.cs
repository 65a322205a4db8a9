using System.Net;
using System.Text.Json;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// Failure mode 6: with Redis gone, live chat keeps working (messages in, replies out, all in
/// PostgreSQL); when Redis returns, agents' screens receive events again without a reload, and what
/// they missed shows as a gap in the sequences (pub/sub is at most once; screens re-read). The
/// same when Redis only drops its subscribers (<c>CLIENT KILL TYPE pubsub</c>).
/// </summary>
public sealed class When_redis_goes_away(RedisFaultCluster cluster) : IClassFixture<RedisFaultCluster>
{
    [Fact]
    public async Task Live_chat_keeps_working_and_screens_recover_when_redis_returns()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var waId = cluster.NewCustomer();
        await cluster.Customers.CustomerSendsTextAsync(waId, "Before the outage");
        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        var watched = await screen.WatchAsync(conversationId);
        var sequenceBefore = watched.GetProperty("sequence").GetInt64();

        cluster.Redis.Kill();

        await cluster.Customers.CustomerSendsTextAsync(waId, "During the outage");
        await Eventually.TrueAsync(
            async () => (await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages")).GetProperty("items").EnumerateArray()
                .Any(m => m.GetProperty("preview").GetString() == "During the outage"),
            TimeSpan.FromSeconds(15), "the message to be recorded without Redis");
        var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "We hear you" });
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        await Eventually.TrueAsync(
            async () => (await cluster.Customers.OutboxAsync(waId)).Any(m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString() == "We hear you"),
            TimeSpan.FromSeconds(20), "the reply at the customer's phone without Redis");

        await cluster.Redis.RestartAsync();

        var live = await AssertLiveAgainAsync(screen, waId, "after the outage");

        // Pub/sub is at most once: what was committed during the outage either reached the screen
        // late (Redis' client retries for a few seconds) or left a gap in the sequences it saw,
        // which is the screen's cue to re-read; either way it converges, and the read has it all.
        // (Chat-list snapshots carry the conversation's sequence too, but stand for no event of their own.)
        var seen = screen.Events
            .Where(e => e.Payload.TryGetProperty("conversationId", out var id) && id.GetString() == conversationId && !e.Payload.TryGetProperty("conversation", out _))
            .Select(e => e.Payload.GetProperty("sequence").GetInt64()).ToHashSet();
        var outageMessageLive = screen.Events.Any(e => e.Name == "messageCreated" && e.Payload.GetProperty("message").GetProperty("preview").GetString() == "During the outage");
        var gap = Enumerable.Range(1, (int)(live.GetProperty("sequence").GetInt64() - sequenceBefore - 1)).Any(i => !seen.Contains(sequenceBefore + i));
        Assert.True(outageMessageLive || gap, "the outage's message neither reached the screen nor left a gap it could notice");
        Assert.Contains(
            (await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages")).GetProperty("items").EnumerateArray(),
            m => m.GetProperty("preview").GetString() == "During the outage");
    }

    [Fact]
    public async Task Screens_recover_when_redis_drops_every_subscriber()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "Before the drop");
        await screen.WatchAsync(conversationId);

        var dropped = await cluster.Redis.KillSubscribersAsync();

        Assert.True(dropped > 0, "no pub/sub client was connected: the test did not exercise the fault");
        await AssertLiveAgainAsync(screen, waId, "after the drop");
    }

    /// <summary>The nodes reconnect by themselves; each try is a new customer message, until one arrives live (answered).</summary>
    private async Task<JsonElement> AssertLiveAgainAsync(NodeAgent screen, string waId, string label)
    {
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            var text = $"{label} #{attempt}";
            await cluster.Customers.CustomerSendsTextAsync(waId, text);
            try
            {
                return (await screen.WaitForEventAsync("messageCreated", p => p.GetProperty("message").GetProperty("preview").GetString() == text, TimeSpan.FromSeconds(2))).Payload;
            }
            catch (TimeoutException)
            {
                // Not reconnected yet: try again with a new message.
            }
        }

        Assert.Fail($"no live event reached the screen {label}");
        return default;
    }
}
