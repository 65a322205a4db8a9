using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>
/// One activation per conversation across the cluster, one turn at a time: commands sent at once
/// from the client and from inside both silos are all applied, each once, in one serial history.
/// </summary>
public sealed class When_two_callers_write_to_one_conversation(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task Every_command_is_applied_once_in_one_gap_free_sequence()
    {
        var customer = Customer(await silos.NewTenantAsync());
        await silos.Conversation(customer.Key).Execute(Writes(customer, "wamid.opening"));
        var callers = new[] { silos.Client }.Concat(silos.Cluster.Silos.Select(silo => silo.ServiceProvider.GetRequiredService<IGrainFactory>())).ToList();

        var replies = await Task.WhenAll(Enumerable.Range(0, 150).Select(i =>
            callers[i % callers.Count].GetGrain<IConversationGrain>(customer.Key.ToString()).Execute(Note($"note {i}"))));

        Assert.All(replies, reply => Assert.False(reply.IsRejected));
        var sequences = replies.Select(reply => reply.Sequence).Order().ToList();
        var first = sequences[0];
        Assert.Equal(Enumerable.Range(0, 150).Select(i => first + i), sequences);
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        var notes = (await connection.QueryAsync<long>(
            "select sequence from messages where tenant_id = @TenantId and conversation_id = @ConversationId and direction = 'note' order by sequence",
            new { customer.Key.TenantId, customer.Key.ConversationId })).ToList();
        Assert.Equal(sequences, notes);
        Assert.Equal(sequences[^1], (await silos.Conversation(customer.Key).Read()).Sequence);
    }
}
