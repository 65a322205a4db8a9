using System.Net;
using System.Text;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Conversations;

/// <summary>Failure mode 10: many inbound messages to one conversation at once, across nodes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class When_a_conversation_runs_hot(ClusterFixture cluster)
{
    [Fact]
    public async Task Fifty_messages_in_a_second_across_both_nodes_are_all_stored_and_the_window_follows_the_latest()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var waId = cluster.NewCustomer();
        var now = DateTimeOffset.UtcNow;

        // Sent in one second, with timestamps spread over the last minute, delivered in any order.
        var webhooks = Enumerable.Range(0, 50).Select(i =>
        {
            var body = MetaWebhooks.TextMessage(ClusterFixture.WabaId, ClusterFixture.PhoneNumberId, waId, $"burst {i}", $"wamid.HOT{Guid.NewGuid():N}", now.AddSeconds(-i));
            return (Node: i % 2 == 0 ? cluster.ApiA : cluster.ApiB, Body: body, Signature: MetaWebhooks.Sign(body, ClusterFixture.AppSecret));
        }).ToList();
        using var http = new HttpClient();
        var answers = await Task.WhenAll(webhooks.Select(async w =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(w.Node.BaseAddress, "/webhooks/whatsapp")) { Content = new StringContent(w.Body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Hub-Signature-256", w.Signature);
            return (await http.SendAsync(request)).StatusCode;
        }));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));

        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        var timeline = await Eventually.ValueAsync(
            () => agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?limit=100"),
            t => t.GetProperty("items").GetArrayLength() == 50,
            TimeSpan.FromSeconds(20), "all fifty messages");
        Assert.Equal(50, timeline.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("providerMessageId").GetString()).Distinct().Count());

        var window = (await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}")).GetProperty("window");
        var latest = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        Assert.Equal(latest.AddHours(24), window.GetProperty("expiresAt").GetDateTimeOffset());
    }
}
