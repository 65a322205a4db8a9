using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// Failure modes 2 and 8 with real processes: nodes killed with SIGKILL mid-work and started
/// again. Inbound: what the webhook node acknowledged was stored before the 200 and is processed
/// by the silos' sweeper; what it never acknowledged the provider sends again; each message ends
/// in the conversation exactly once. Outbound: a dead silo's claims pass to a live one after the
/// lease; every reply reaches the customer, in order, repeated at most once per crash (the send
/// in flight, whose outcome the dead silo never recorded).
/// </summary>
public sealed class When_a_node_crashes(NodeCrashCluster cluster) : IClassFixture<NodeCrashCluster>
{
    private const int Messages = 60;
    private const int Replies = 20;

    [Fact]
    public async Task Every_message_sent_around_the_crash_of_the_webhook_node_is_stored_once()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "opening line");

        var halfway = new TaskCompletionSource();
        var sending = SendAsync(waId, halfway);
        await Task.WhenAny(halfway.Task, sending);
        await cluster.CrashAndRestartAsync(cluster.ApiB);
        await sending;

        // Webhooks the dead node had stored but not processed wait for their claim to lapse (30 s).
        var texts = await Eventually.ValueAsync(
            async () => await TextsAsync(agent, conversationId),
            found => found.Count >= Messages,
            TimeSpan.FromSeconds(90), $"all {Messages} messages after the crash");
        Assert.Equal(Messages, texts.Count);
        Assert.Equal(Messages, texts.Distinct().Count());
        Assert.Equal(Messages, await CountStoredAsync(conversationId));
        var redelivered = (await cluster.Customers.WebhooksAsync("messages")).Count(w =>
            w.GetProperty("body").GetString()!.Contains($"\"{waId}\"", StringComparison.Ordinal) && w.GetProperty("attempts").GetArrayLength() > 1);
        Assert.True(redelivered > 0, "no webhook failed while node B was down: the test did not exercise the crash");
    }

    [Fact]
    public async Task Replies_in_flight_when_the_silos_are_killed_reach_the_customer_in_order()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "Tell me everything");

        // Slow answers from "Meta", so that sends are in flight when the silos die.
        await cluster.Customers.SetFaultsAsync(new { latencyMs = 200 });
        int sentBeforeTheCrashes;
        List<string> parts;
        try
        {
            for (var i = 0; i < Replies; i++)
            {
                var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = $"part {i}" });
                Assert.Equal(System.Net.HttpStatusCode.Accepted, reply.Status);
            }

            sentBeforeTheCrashes = (await Eventually.ValueAsync(() => PartsAtThePhoneAsync(waId), found => found.Count >= 2, what: "the first parts at the phone")).Count;
            foreach (var silo in cluster.Silos.ToList())
            {
                await cluster.CrashAndRestartAsync(silo);
            }

            parts = await Eventually.ValueAsync(
                () => PartsAtThePhoneAsync(waId),
                found => found.Distinct().Count() == Replies,
                TimeSpan.FromSeconds(60), "every part at the customer's phone");
        }
        finally
        {
            await cluster.Customers.ClearFaultsAsync();
        }

        Assert.True(sentBeforeTheCrashes < Replies, "every part had gone out before the crashes: the test did not exercise them");
        Assert.Equal(Enumerable.Range(0, Replies).Select(i => $"part {i}"), parts.Distinct());
        Assert.True(parts.Count - Replies <= 2, $"more repeats than sends in flight at two crashes: {string.Join(", ", parts)}");
        await Eventually.TrueAsync(
            async () => (await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?limit=100")).GetProperty("items").EnumerateArray()
                .Where(m => m.GetProperty("preview").GetString()!.StartsWith("part ", StringComparison.Ordinal))
                .All(m => m.GetProperty("status").GetString() is "sent" or "delivered" or "read"),
            TimeSpan.FromSeconds(30), "every part recorded as sent");
    }

    /// <summary>Sends every 20 ms without waiting for the product; says when half are out, as the node is killed.</summary>
    private async Task SendAsync(string waId, TaskCompletionSource halfway)
    {
        for (var i = 0; i < Messages; i++)
        {
            if (i == Messages / 2)
            {
                halfway.SetResult();
            }

            await cluster.Customers.CustomerSendsTextAsync(waId, $"around the crash {i}", waitForAcknowledgement: false);
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>The text parts the customer's phone received, in the order "Meta" accepted them.</summary>
    private async Task<List<string>> PartsAtThePhoneAsync(string waId) =>
        [.. (await cluster.Customers.OutboxAsync(waId))
            .Where(m => m.GetProperty("type").GetString() == "text")
            .Select(m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString()!)
            .Where(body => body.StartsWith("part ", StringComparison.Ordinal))];

    private static async Task<List<string>> TextsAsync(ApiSession agent, string conversationId)
    {
        var page = await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages?limit=100");
        return page.GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("preview").GetString()!)
            .Where(t => t.StartsWith("around the crash", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Message rows in the database itself, so a duplicate hidden by the API's paging would show.</summary>
    private async Task<long> CountStoredAsync(string conversationId)
    {
        await using var command = cluster.Database.DataSource.CreateCommand(
            "select count(*) from messages where conversation_id = $1 and preview like 'around the crash %'");
        command.Parameters.Add(new() { Value = conversationId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
