using System.Net;
using System.Text.Json;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Conversations;

/// <summary>
/// Failure mode 9 for live chat, as "Meta" answers synchronously: an error it says may pass
/// (131000) is retried after its back-off and the message goes out once; an error that will not
/// pass (131026) fails the message at once with Meta's code and a reason an agent understands.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class When_the_provider_refuses_a_send(ClusterFixture cluster)
{
    [Fact]
    public async Task A_transient_refusal_is_retried_and_the_message_goes_out_once()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "Can you resend the invoice?");
        string messageId;
        await cluster.Customers.SetFaultsAsync(new { failureRate = 1.0, failureCodes = new[] { 131000 }, failureMode = "sync" });
        try
        {
            messageId = await ReplyAsync(agent, conversationId, "Resending it now");
            await Eventually.TrueAsync(
                async () => await LastSendErrorAsync(messageId) is { } error && error.Contains("131000", StringComparison.Ordinal),
                TimeSpan.FromSeconds(15), "the first attempt to be refused and scheduled again");
        }
        finally
        {
            await cluster.Customers.ClearFaultsAsync();
        }

        await Eventually.TrueAsync(
            async () => await StatusAsync(agent, conversationId, messageId) is "sent" or "delivered" or "read",
            TimeSpan.FromSeconds(20), "the retried message to be sent");
        Assert.Single(await cluster.Customers.OutboxAsync(waId), m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString() == "Resending it now");
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_with_metas_code_and_a_reason()
    {
        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var (waId, conversationId) = await cluster.NewConversationAsync(agent, "Please write back");
        string messageId;
        await cluster.Customers.SetFaultsAsync(new { failureRate = 1.0, failureCodes = new[] { 131026 }, failureMode = "sync" });
        try
        {
            messageId = await ReplyAsync(agent, conversationId, "Here is your answer");
            await Eventually.TrueAsync(
                async () => await StatusAsync(agent, conversationId, messageId) == "failed",
                TimeSpan.FromSeconds(15), "the message to fail");
        }
        finally
        {
            await cluster.Customers.ClearFaultsAsync();
        }

        var message = await MessageAsync(agent, conversationId, messageId);
        Assert.Equal("131026", message.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(message.GetProperty("error").GetProperty("reason").GetString()));
        Assert.Null(await LastSendErrorAsync(messageId)); // not waiting for another try
        Assert.DoesNotContain(await cluster.Customers.OutboxAsync(waId), m => m.GetProperty("request").GetProperty("text").GetProperty("body").GetString() == "Here is your answer");
    }

    private static async Task<string> ReplyAsync(ApiSession agent, string conversationId, string text)
    {
        var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text });
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);
        return reply.Body.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> MessageAsync(ApiSession agent, string conversationId, string messageId) =>
        (await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == messageId);

    private static async Task<string?> StatusAsync(ApiSession agent, string conversationId, string messageId) =>
        (await MessageAsync(agent, conversationId, messageId)).GetProperty("status").GetString();

    /// <summary>Why the send is waiting for another try, if the provider's refusal left it in its conversation's outbox.</summary>
    private async Task<string?> LastSendErrorAsync(string messageId)
    {
        await using var command = cluster.Database.DataSource.CreateCommand(
            """
            select send ->> 'lastError' from conversation_grains, jsonb_array_elements(state -> 'outbox' -> 'sends') as send
            where send ->> 'messageId' = $1
            """);
        command.Parameters.Add(new() { Value = messageId });
        return await command.ExecuteScalarAsync() as string;
    }
}
