using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Conversations;

/// <summary>
/// A silo killed with its conversations active: the next call activates each on the other silo
/// from storage, with everything it had committed, and it carries on from there.
/// </summary>
public sealed class When_a_silo_dies(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task Its_conversations_answer_from_the_other_silo_with_their_state()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        await conversation.Execute(new SetLabels(["VIP"], MessageAuthor.Agent("agent-1", "Ana")));
        var before = await conversation.Read();
        var host = silos.SiloHosting(conversation) ?? throw new InvalidOperationException("The conversation is not active anywhere.");

        await silos.Cluster.KillSiloAsync(host);
        var after = await conversation.Read();

        Assert.Equal(before.Sequence, after.Sequence);
        Assert.Equal(["VIP"], after.State.Labels);
        Assert.Equal(1, after.State.UnreadCount);
        Assert.NotEqual(host.SiloAddress, silos.SiloHosting(conversation)?.SiloAddress);
        Assert.False((await conversation.Execute(Note("still here"))).IsRejected);
    }
}
