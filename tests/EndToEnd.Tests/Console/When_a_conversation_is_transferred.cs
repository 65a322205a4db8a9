using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_a_conversation_is_transferred(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task Both_agents_screens_show_the_new_assignee_at_once()
    {
        var admin = await SignedInAsync(Cluster.AdminEmail);
        var agent = await SignedInAsync(Cluster.AgentEmail);
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "Who can help me with a refund?", name: "Tomas Transfer");
        await admin.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await agent.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(admin.Page.GetByTestId("chat-assignee")).ToHaveTextAsync("Unassigned");
        await Assertions.Expect(agent.Page.GetByTestId("chat-assignee")).ToHaveTextAsync("Unassigned");
        await agent.Page.GetByRole(AriaRole.Tab, new() { Name = "Mine" }).ClickAsync();
        await Assertions.Expect(agent.ChatRow(waId)).ToHaveCountAsync(0);

        await admin.Panel.GetByLabel("Transfer to").SelectOptionAsync(new SelectOptionValue { Label = "Bea Agent" });
        await admin.Panel.GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();

        await Assertions.Expect(admin.Page.GetByTestId("chat-assignee")).ToHaveTextAsync("Assigned to Bea Agent");
        await Assertions.Expect(agent.Page.GetByTestId("chat-assignee")).ToHaveTextAsync("Assigned to you");
        await Assertions.Expect(agent.ChatRow(waId)).ToContainTextAsync("You");
        await Assertions.Expect(admin.ChatRow(waId)).ToContainTextAsync("Bea Agent");
    }
}
