using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_a_send_fails(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_failed_message_shows_a_red_mark_and_its_reason()
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "Please confirm my booking", name: "Fiona Fault");
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble("Please confirm my booking")).ToBeVisibleAsync();

        await Cluster.Customers.SetFaultsAsync(new { failureRate = 1.0, failureCodes = new[] { 131026 }, failureMode = "async" });
        try
        {
            await screen.Composer.GetByLabel("Message", new() { Exact = true }).FillAsync("Your booking is confirmed");
            await screen.Composer.GetByLabel("Message", new() { Exact = true }).PressAsync("Enter");

            var bubble = screen.Bubble("Your booking is confirmed");
            await Assertions.Expect(bubble).ToHaveAttributeAsync("data-status", "failed");
            var mark = bubble.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Failed: ") });
            await Assertions.Expect(mark).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("131026"));
            await Assertions.Expect(bubble.GetByRole(AriaRole.Tooltip)).ToBeHiddenAsync();

            await mark.HoverAsync();

            await Assertions.Expect(bubble.GetByRole(AriaRole.Tooltip)).ToBeVisibleAsync();
            await Assertions.Expect(bubble.GetByRole(AriaRole.Tooltip)).ToContainTextAsync("131026");
        }
        finally
        {
            await Cluster.Customers.ClearFaultsAsync();
        }
    }
}
