using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Faults;

namespace Switchboard.EndToEnd.Tests.Console;

/// <summary>
/// Failure mode 11 as an agent lives it: the Api node serving the console dies and comes back.
/// The screen says it is reconnecting, reconnects by itself, catches up on what it missed, and
/// is live again — no reload, no second sign-in.
/// </summary>
public sealed class When_the_agents_node_restarts(NodeCrashCluster cluster, ConsoleBrowser browser)
    : ConsoleTest(cluster, browser), IClassFixture<NodeCrashCluster>, IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_open_chat_reconnects_catches_up_and_stays_live()
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "Before the restart", name: "Rhea Restart");
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble("Before the restart")).ToBeVisibleAsync();
        var live = screen.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Live" });

        await screen.DuringAnOutageAsync(async () =>
        {
            Cluster.ApiA.Kill();
            await Assertions.Expect(live).ToHaveCountAsync(0);
            await Cluster.Customers.CustomerSendsTextAsync(waId, "While the node was down", name: "Rhea Restart");
            await Cluster.CrashAndRestartAsync(Cluster.ApiA);
            await Assertions.Expect(live).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });

        await Assertions.Expect(screen.Bubble("While the node was down")).ToBeVisibleAsync();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "After the restart", name: "Rhea Restart");
        await Assertions.Expect(screen.Bubble("After the restart")).ToBeVisibleAsync();
    }
}
