using Dapper;
using Orleans.Storage;
using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Storage;

/// <summary>
/// Failure modes 4 and 8: an activation whose copy of the state is stale (another activation wrote
/// meanwhile, as during a membership change or after a stalled silo) cannot overwrite it. Its write
/// fails the version check, nothing of its turn is written, Orleans deactivates it, and the next
/// call finds the conversation as stored.
/// </summary>
public sealed class When_an_activation_is_stale(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task Its_write_is_refused_and_the_next_call_reads_what_was_stored()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        await WrittenElsewhereAsync(customer.Key, labels: ["Written elsewhere"]);

        await Assert.ThrowsAsync<InconsistentStateException>(() => conversation.Execute(Note("lost in a stale activation")));

        var stored = (await conversation.Read()).State;
        Assert.Equal(["Written elsewhere"], stored.Labels);
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(
            "select count(*) from messages where conversation_id = @ConversationId and preview = 'lost in a stale activation'", new { customer.Key.ConversationId }));
    }

    [Fact]
    public async Task After_the_refusal_commands_apply_to_the_stored_state()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        await WrittenElsewhereAsync(customer.Key, labels: ["Written elsewhere"]);
        await Assert.ThrowsAsync<InconsistentStateException>(() => conversation.Execute(Note("refused")));

        var reply = await conversation.Execute(Note("after the refusal"));

        Assert.False(reply.IsRejected);
        Assert.Equal(["Written elsewhere"], (await conversation.Read()).State.Labels);
    }

    /// <summary>Another activation's write: the next version, with a change this one does not know.</summary>
    private async Task WrittenElsewhereAsync(ConversationKey key, string[] labels)
    {
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteAsync(
            "update conversation_grains set version = version + 1, state = jsonb_set(state, '{labels}', to_jsonb(@labels)) where grain_key = @key",
            new { key = key.ToString(), labels }));
    }
}
