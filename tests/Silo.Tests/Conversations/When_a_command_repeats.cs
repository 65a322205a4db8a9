using Dapper;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>
/// Providers deliver webhooks at least once and callers retry: a command with an idempotency key
/// takes effect once. The key is recorded in the turn that applied it, so a repeat is recognised
/// even by a later activation, and it changes nothing.
/// </summary>
public sealed class When_a_command_repeats(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task A_repeated_customer_message_is_answered_as_a_repeat_and_recorded_once()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        var first = await conversation.Execute(Writes(customer, "wamid.twice", "only once"));

        var repeat = await conversation.Execute(Writes(customer, "wamid.twice", "only once"));

        Assert.True(repeat.Duplicate);
        Assert.Equal(first.Sequence, repeat.Sequence);
        Assert.Equal(1, (await conversation.Read()).State.UnreadCount);
        Assert.Equal(1L, await MessagesAsync(customer.Key.ConversationId, "only once"));
    }

    [Fact]
    public async Task A_repeat_reaching_a_new_activation_is_still_a_repeat()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.later", "before the restart"));
        await silos.Cluster.DeactivateAsync(conversation);

        var repeat = await conversation.Execute(Writes(customer, "wamid.later", "before the restart"));

        Assert.True(repeat.Duplicate);
        Assert.Equal(1L, await MessagesAsync(customer.Key.ConversationId, "before the restart"));
    }

    private async Task<long> MessagesAsync(string conversationId, string text)
    {
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            "select count(*) from messages where conversation_id = @conversationId and preview = @text", new { conversationId, text });
    }
}
