using System.Net;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Conversations;

/// <summary>
/// Failure mode 3 for statuses: "Meta" sends each message's statuses in reverse (read, then
/// delivered, then sent) and every one of them twice. The message ends at the highest status,
/// and agents' screens get one push per real change, never a step back in sequence order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class When_statuses_arrive_out_of_order(ClusterFixture cluster)
{
    private static readonly string[] Ranks = ["queued", "sent", "delivered", "read"];

    [Fact]
    public async Task Reversed_and_repeated_statuses_end_at_read_and_push_each_change_once()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "Did you get my order?");
        await screen.WatchAsync(conversationId);

        await cluster.Customers.SetFaultsAsync(new { outOfOrderRate = 1.0, duplicateStatusRate = 1.0 });
        string messageId;
        try
        {
            var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "Yes, it ships today" });
            Assert.Equal(HttpStatusCode.Accepted, reply.Status);
            messageId = reply.Body.GetProperty("id").GetString()!;
            await screen.WaitForEventAsync("messageStatusChanged", p => p.GetProperty("messageId").GetString() == messageId && p.GetProperty("status").GetString() == "read", TimeSpan.FromSeconds(15));

            // Every status webhook of the message ("Meta" sent six) has been answered before counting pushes.
            await Eventually.TrueAsync(
                async () => (await cluster.Customers.WebhooksAsync("statuses")).Count(w => w.GetProperty("body").GetString()!.Contains($"\"{waId}\"", StringComparison.Ordinal)
                    && w.GetProperty("state").GetString() == "acknowledged") >= 6,
                TimeSpan.FromSeconds(15), "all six status webhooks answered");
        }
        finally
        {
            await cluster.Customers.ClearFaultsAsync();
        }

        // Turns on different nodes publish independently, so pushes may cross on the way; a screen
        // applies them by the conversation's sequence, as the protocol says.
        var pushed = screen.Events
            .Where(e => e.Name == "messageStatusChanged" && e.Payload.GetProperty("messageId").GetString() == messageId)
            .Select(e => (Sequence: e.Payload.GetProperty("sequence").GetInt64(), Status: e.Payload.GetProperty("status").GetString()!))
            .OrderBy(push => push.Sequence)
            .ToList();
        Assert.Equal(pushed.Select(push => push.Sequence).Distinct(), pushed.Select(push => push.Sequence));
        Assert.Equal(pushed.Select(push => push.Status).Distinct(), pushed.Select(push => push.Status));
        Assert.Equal(pushed.Select(push => push.Status).OrderBy(status => Array.IndexOf(Ranks, status)), pushed.Select(push => push.Status));
        Assert.Equal("read", pushed[^1].Status);
        var timeline = await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Equal("read", timeline.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId).GetProperty("status").GetString());
    }
}
