using Switchboard.Grains.Conversations;
using Switchboard.Silo.Tests.Infrastructure;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Storage;

/// <summary>
/// Keys that differ only in ways a careless storage would drop: a leading zero of a phone number,
/// hex-looking text, one key under two grain types. Each names its own state.
/// </summary>
public sealed class When_keys_look_alike(SiloCluster silos) : IClassFixture<SiloCluster>
{
    [Fact]
    public async Task Customers_whose_numbers_differ_by_a_leading_zero_have_their_own_conversations()
    {
        var tenantId = await silos.NewTenantAsync();
        var shorter = Customer(tenantId, "4477001234");
        var longer = Customer(tenantId, "04477001234");

        await silos.Conversation(shorter.Key).Execute(Writes(shorter, "wamid.short", "from the shorter"));
        await silos.Conversation(longer.Key).Execute(Writes(longer, "wamid.long", "from the longer"));

        Assert.Equal(shorter, (await silos.Conversation(shorter.Key).Read()).State.Identity);
        Assert.Equal(longer, (await silos.Conversation(longer.Key).Read()).State.Identity);
        Assert.NotEqual(shorter.Key.ConversationId, longer.Key.ConversationId);
    }

    [Fact]
    public async Task Document_keys_that_read_as_the_same_hex_number_keep_their_own_state()
    {
        // Orleans' stock PostgreSQL storage once confused "778900" with "0778900" (#9706); our keys
        // always carry a non-hex character, and this keeps it that way.
        await silos.Client.GetGrain<IFirstDocumentProbeGrain>("t:778900").Set("short");
        await silos.Client.GetGrain<IFirstDocumentProbeGrain>("t:0778900").Set("long");

        Assert.Equal("short", await silos.Client.GetGrain<IFirstDocumentProbeGrain>("t:778900").Get());
        Assert.Equal("long", await silos.Client.GetGrain<IFirstDocumentProbeGrain>("t:0778900").Get());
    }

    [Fact]
    public async Task Two_grain_types_with_one_key_keep_their_own_documents()
    {
        var key = "t:" + Guid.NewGuid().ToString("N");

        await silos.Client.GetGrain<IFirstDocumentProbeGrain>(key).Set("first");
        await silos.Client.GetGrain<ISecondDocumentProbeGrain>(key).Set("second");

        Assert.Equal("first", await silos.Client.GetGrain<IFirstDocumentProbeGrain>(key).Get());
        Assert.Equal("second", await silos.Client.GetGrain<ISecondDocumentProbeGrain>(key).Get());
    }
}
