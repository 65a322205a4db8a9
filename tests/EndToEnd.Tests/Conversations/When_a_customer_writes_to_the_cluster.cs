using System.Net;
using System.Text.Json;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Conversations;

[Collection(ClusterCollection.Name)]
public sealed class When_a_customer_writes_to_the_cluster(ClusterFixture cluster)
{
    [Fact]
    public async Task An_agent_on_node_A_sees_within_a_second_a_message_the_emulator_delivered_to_node_B()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var waId = cluster.NewCustomer();

        await cluster.Customers.CustomerSendsTextAsync(waId, "Where is my parcel?");
        var acknowledged = DateTimeOffset.UtcNow;

        var (update, seenAt) = await screen.WaitForEventAsync("conversationUpdated", p =>
            p.TryGetProperty("conversation", out var c)
            && c.GetProperty("contact").GetProperty("phoneNumber").GetString() == "+" + waId
            && c.GetProperty("lastMessage").GetProperty("preview").GetString() == "Where is my parcel?", TimeSpan.FromSeconds(5));
        Assert.True(seenAt - acknowledged < TimeSpan.FromSeconds(1), $"seen {(seenAt - acknowledged).TotalMilliseconds} ms after node B acknowledged it");
        Assert.True(update.GetProperty("conversation").GetProperty("window").GetProperty("open").GetBoolean());
    }

    [Fact]
    public async Task An_agents_reply_reaches_the_customer_and_its_ticks_go_to_read()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        await using var screen = await NodeAgent.ConnectAsync(cluster.ApiA.BaseAddress, agent.CookieHeader);
        var waId = cluster.NewCustomer();
        await cluster.Customers.CustomerSendsTextAsync(waId, "Hello?");
        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        await screen.WatchAsync(conversationId);

        var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "Hi! How can I help?" });

        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        var messageId = reply.Body.GetProperty("id").GetString()!;
        await Eventually.TrueAsync(
            async () => (await cluster.Customers.OutboxAsync(waId)).Any(m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString() == "Hi! How can I help?"),
            TimeSpan.FromSeconds(10), "the reply at the customer's phone");
        await screen.WaitForEventAsync("messageStatusChanged", p => p.GetProperty("messageId").GetString() == messageId && p.GetProperty("status").GetString() == "sent", TimeSpan.FromSeconds(10));
        await screen.WaitForEventAsync("messageStatusChanged", p => p.GetProperty("messageId").GetString() == messageId && p.GetProperty("status").GetString() == "read", TimeSpan.FromSeconds(10));
        var timeline = await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Equal("read", timeline.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == messageId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_webhook_delivered_three_times_to_both_nodes_yields_one_message()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var waId = cluster.NewCustomer();
        var wamid = await cluster.Customers.CustomerSendsTextAsync(waId, "Only once, please");
        var original = (await cluster.Customers.WebhooksAsync("messages")).Single(w => w.GetProperty("body").GetString()!.Contains(wamid, StringComparison.Ordinal));
        var body = original.GetProperty("body").GetString()!;
        var signature = original.GetProperty("signature").GetString()!;

        using var http = new HttpClient();
        var replays = Enumerable.Range(0, 6).Select(async i =>
        {
            var node = i % 2 == 0 ? cluster.ApiA : cluster.ApiB;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.BaseAddress, "/webhooks/whatsapp"))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Hub-Signature-256", signature);
            return (await http.SendAsync(request)).StatusCode;
        });
        Assert.All(await Task.WhenAll(replays), status => Assert.Equal(HttpStatusCode.OK, status));

        await Eventually.TrueAsync(async () => await UnprocessedWebhooksAsync() == 0, TimeSpan.FromSeconds(15), "every stored webhook to be processed");
        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        var timeline = await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Single(timeline.GetProperty("items").EnumerateArray(), m => m.GetProperty("providerMessageId").GetString() == wamid);
    }

    [Fact]
    public async Task Two_hundred_concurrent_sends_from_two_nodes_yield_two_hundred_messages_in_one_order()
    {
        using var onA = await cluster.SignInAsync(cluster.ApiA);
        using var onB = await cluster.SignInAsync(cluster.ApiB, cluster.AgentEmail);
        var waId = cluster.NewCustomer();
        await cluster.Customers.CustomerSendsTextAsync(waId, "Send me everything");
        var conversationId = await cluster.ConversationOfAsync(onA, waId);

        var sends = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? onA : onB).PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = $"line {i}" })));
        Assert.All(sends, s => Assert.Equal(HttpStatusCode.Accepted, s.Status));

        var orderOnA = await OutboundOrderAsync(onA, conversationId);
        var orderOnB = await OutboundOrderAsync(onB, conversationId);
        Assert.Equal(200, orderOnA.Count);
        Assert.Equal(200, orderOnA.Select(m => m.Text).Distinct().Count());
        Assert.Equal(orderOnA, orderOnB);
        Assert.True(orderOnA.Zip(orderOnA.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "sequences strictly increase");

        // The customer's phone receives them in that same order: one conversation's sends go one at a time.
        var received = await Eventually.ValueAsync(
            async () => (await cluster.Customers.OutboxAsync(waId)).Select(m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString()!).ToList(),
            texts => texts.Count == 200, TimeSpan.FromSeconds(60), "all 200 at the customer's phone");
        Assert.Equal(orderOnA.Select(m => m.Text), received);

        // And every one's ticks end at read: 600 status webhooks about one conversation, all applied.
        await Eventually.TrueAsync(
            async () => (await OutboundAsync(onA, conversationId)).All(m => m.GetProperty("status").GetString() == "read"),
            TimeSpan.FromSeconds(60), "all 200 replies read");
    }

    private static async Task<List<(long Sequence, string Text)>> OutboundOrderAsync(ApiSession session, string conversationId) =>
        [.. (await OutboundAsync(session, conversationId)).Select(m => (m.GetProperty("sequence").GetInt64(), m.GetProperty("content").GetProperty("body").GetString()!))];

    /// <summary>The conversation's outbound messages, oldest first, every page of them.</summary>
    private static async Task<List<JsonElement>> OutboundAsync(ApiSession session, string conversationId)
    {
        var items = new List<JsonElement>();
        long? before = null;
        while (true)
        {
            var page = await session.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?limit=100" + (before is null ? "" : $"&before={before}"));
            var batch = page.GetProperty("items").EnumerateArray().ToList();
            items.InsertRange(0, batch.Where(m => m.GetProperty("direction").GetString() == "outbound"));
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return items;
            }

            before = batch[0].GetProperty("sequence").GetInt64();
        }
    }

    private async Task<long> UnprocessedWebhooksAsync()
    {
        await using var command = cluster.Database.DataSource.CreateCommand("select count(*) from webhook_inbox where processed_at is null");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
