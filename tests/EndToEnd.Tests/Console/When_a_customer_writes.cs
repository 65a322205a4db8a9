using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_a_customer_writes(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_new_conversation_appears_live_in_the_chat_list()
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();

        await Cluster.Customers.CustomerSendsTextAsync(waId, "Hi! Is my parcel on its way?", name: "Lina Live");

        var row = screen.ChatRow(waId);
        await Assertions.Expect(row).ToContainTextAsync("Lina Live");
        await Assertions.Expect(row).ToContainTextAsync("Hi! Is my parcel on its way?");
        await Assertions.Expect(row.Locator(".unread-badge")).ToHaveTextAsync("1");
        await Assertions.Expect(row).ToContainTextAsync("left"); // the 24-hour window countdown
    }

    [Fact]
    public async Task A_message_in_the_open_chat_appears_live_and_is_marked_read()
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "First question", name: "Omar Open");
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble("First question")).ToBeVisibleAsync();

        await Cluster.Customers.CustomerSendsTextAsync(waId, "Second question, while you look", name: "Omar Open");

        await Assertions.Expect(screen.Bubble("Second question, while you look")).ToBeVisibleAsync();
        await Assertions.Expect(screen.Bubble("Second question, while you look")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("message-inbound"));
        await Assertions.Expect(screen.ChatRow(waId)).ToContainTextAsync("Second question, while you look");
        await Assertions.Expect(screen.ChatRow(waId).Locator(".unread-badge")).ToHaveCountAsync(0);
    }
}
