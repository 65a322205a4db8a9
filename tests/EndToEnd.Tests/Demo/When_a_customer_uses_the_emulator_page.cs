using System.Net;
using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Demo;

/// <summary>The demo through the emulator alone: the customers' page talks to the Api and back.</summary>
[Collection(ClusterCollection.Name)]
public sealed class When_a_customer_uses_the_emulator_page(ClusterFixture cluster, ConsoleBrowser browser) : IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_message_from_the_customers_page_reaches_the_api_and_the_agents_reply_reaches_the_page()
    {
        var waId = cluster.NewCustomer();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(cluster.Emulator.BaseAddress.ToString());

        await page.GetByLabel("Business number").SelectOptionAsync(ClusterFixture.PhoneNumberId);
        await page.GetByLabel("Customer number (wa_id)").FillAsync(waId);
        await page.GetByLabel("Customer name").FillAsync("Page Customer");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Hi from my phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        using var agent = await cluster.SignInAsync(cluster.ApiA);
        var conversationId = await cluster.ConversationOfAsync(agent, waId);
        var timeline = await agent.GetJsonAsync($"/api/v1/conversations/{conversationId}/messages");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), m => m.GetProperty("preview").GetString() == "Hi from my phone");

        var reply = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "Hello from the console!" });
        Assert.Equal(HttpStatusCode.Accepted, reply.Status);

        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("Hello from the console!", new() { Timeout = 15_000 });
        Assert.Empty(errors);
    }
}
