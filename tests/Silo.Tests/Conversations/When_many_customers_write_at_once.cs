using Dapper;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>Many conversations' turns at once, across both silos and shared transactions: each is written, once, in its own order.</summary>
public sealed class When_many_customers_write_at_once(SiloCluster silos) : IClassFixture<SiloCluster>
{
    private const int Customers = 40;
    private const int MessagesEach = 8;

    [Fact]
    public async Task Every_message_is_recorded_once_in_its_conversation()
    {
        var tenantId = await silos.NewTenantAsync();
        var customers = Enumerable.Range(0, Customers).Select(i => Customer(tenantId, $"4470000{i:0000}")).ToList();

        var replies = await Task.WhenAll(customers.SelectMany(customer => Enumerable.Range(0, MessagesEach).Select(m =>
            silos.Conversation(customer.Key).Execute(Writes(customer, $"wamid.{customer.ContactId}.{m}", $"message {m}")))));

        Assert.All(replies, reply => Assert.False(reply.IsRejected || reply.Duplicate));
        await using var connection = await silos.DataSource.OpenConnectionAsync();
        var counts = (await connection.QueryAsync<long>(
            "select count(*) from messages where tenant_id = @tenantId group by conversation_id", new { tenantId })).ToList();
        Assert.Equal(Customers, counts.Count);
        Assert.All(counts, count => Assert.Equal(MessagesEach, count));
        foreach (var customer in customers)
        {
            Assert.Equal(MessagesEach, (await silos.Conversation(customer.Key).Read()).State.UnreadCount);
        }
    }
}
