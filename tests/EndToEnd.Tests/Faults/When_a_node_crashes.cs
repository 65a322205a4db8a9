using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Faults;

/// <summary>
/// Failure mode 2: the Api node that receives the webhooks is killed with SIGKILL while
/// customers write, and comes back. What it acknowledged was stored before the 200 and is
/// processed by the silos' sweeper; what it never acknowledged the provider sends again. Each
/// message ends in the conversation exactly once, and the node serves again after its restart.
/// </summary>
public sealed class When_a_node_crashes(NodeCrashCluster cluster) : IClassFixture<NodeCrashCluster>
{
    private const int Messages = 60;

    [Fact]
    public async Task Every_message_sent_around_the_crash_of_the_webhook_node_is_stored_once()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var waId = cluster.NewCustomer();
        await cluster.Customers.CustomerSendsTextAsync(waId, "opening line");
        var conversationId = await cluster.ConversationOfAsync(agent, waId);

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
