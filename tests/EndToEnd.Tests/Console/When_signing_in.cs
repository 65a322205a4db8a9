using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_signing_in(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task An_agent_with_the_right_password_reaches_the_inbox()
    {
        var screen = await SignedOutAsync();

        await screen.SignInAsync(Cluster.AgentEmail, ClusterFixture.Password);

        await Assertions.Expect(screen.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/chats$"));
        await Assertions.Expect(screen.Page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Bea Agent");
        await Assertions.Expect(screen.Page.GetByRole(AriaRole.Tab, new() { Name = "Mine" })).ToBeVisibleAsync();
    }
}
