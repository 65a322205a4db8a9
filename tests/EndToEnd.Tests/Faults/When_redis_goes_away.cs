using System.Net;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// Failure mode 6: with Redis gone, live chat keeps working (messages in, replies out, all in
/// PostgreSQL); when Redis returns, agents' screens receive events again without a reload. The
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
        await screen.WatchAsync(conversationId);

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

        await AssertLiveAgainAsync(screen, waId, "after the outage");

        // And what was committed during the outage is published once Redis is back (the outbox relay).
        await screen.WaitForEventAsync("messageCreated", p => p.GetProperty("message").GetProperty("preview").GetString() == "During the outage", TimeSpan.FromSeconds(15));
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

    /// <summary>The nodes reconnect by themselves; each try is a new customer message, until one arrives live.</summary>
    private async Task AssertLiveAgainAsync(NodeAgent screen, string waId, string label)
    {
        for (var attempt = 1; attempt <= 15; attempt++)
        {
            var text = $"{label} #{attempt}";
            await cluster.Customers.CustomerSendsTextAsync(waId, text);
            try
            {
                await screen.WaitForEventAsync("messageCreated", p => p.GetProperty("message").GetProperty("preview").GetString() == text, TimeSpan.FromSeconds(2));
                return;
            }
            catch (TimeoutException)
            {
                // Not reconnected yet: try again with a new message.
            }
        }

        Assert.Fail($"no live event reached the screen {label}");
    }
}
