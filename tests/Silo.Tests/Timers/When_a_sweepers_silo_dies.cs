using Switchboard.Grains.Conversations;
using Switchboard.Grains.Timers;
using Switchboard.Silo.Tests.Infrastructure;
using Switchboard.Testing;
using static Switchboard.Silo.Tests.Conversations.ConversationScene;

namespace Switchboard.Silo.Tests.Timers;

/// <summary>
/// The silo hosting a sweeper dies: the surviving silo's keep-alive brings the sweeper back at once
/// (here the test membership notices the death at once; real processes take the failure-detection
/// time), and timers due afterwards still fire.
/// </summary>
public sealed class When_a_sweepers_silo_dies(OneSweeperCluster silos) : IClassFixture<OneSweeperCluster>
{
    [Fact]
    public async Task Another_silo_takes_the_sweeper_over_and_timers_still_fire()
    {
        var customer = Customer(await silos.NewTenantAsync());
        var conversation = silos.Conversation(customer.Key);
        await conversation.Execute(Writes(customer, "wamid.first"));
        var sweeper = silos.Client.GetGrain<IDueTimeSweeperGrain>(0);
        await sweeper.KeepAlive();
        var host = silos.SiloHosting(sweeper) ?? throw new InvalidOperationException("The sweeper is not active anywhere.");

        await conversation.Execute(new SetStatus(ConversationStatus.Snoozed, MessageAuthor.Agent("agent-1"), DateTimeOffset.UtcNow.AddSeconds(2)));
        await silos.Cluster.KillSiloAsync(host);

        await Eventually.TrueAsync(() => Task.FromResult(silos.SiloHosting(sweeper) is { } now && !now.SiloAddress.Equals(host.SiloAddress)), TimeSpan.FromSeconds(15), "the sweeper on the other silo");
        await Eventually.TrueAsync(async () => (await conversation.Read()).State.Status == ConversationStatus.Open, TimeSpan.FromSeconds(20), "the snooze to end after the hand-over");
    }
}

/// <summary>A cluster with a single sweeper, so every conversation's timers depend on it.</summary>
public sealed class OneSweeperCluster : SiloCluster
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Timers:Sweepers:Shards", "1")];
}
