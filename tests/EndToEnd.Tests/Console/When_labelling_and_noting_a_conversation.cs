using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_labelling_and_noting_a_conversation(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_label_and_the_note_are_still_there_after_a_reload()
    {
        var label = $"vip-{Guid.NewGuid().ToString("N")[..6]}";
        using (var api = await Cluster.SignInAsync(Cluster.ApiA))
        {
            var created = await api.PostJsonAsync("/api/v1/labels", new { name = label, color = "#E0A800" });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        }

        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "I want to upgrade my plan", name: "Nadia Note");
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble("I want to upgrade my plan")).ToBeVisibleAsync();

        await screen.Panel.GetByLabel("Label to add").SelectOptionAsync(label);
        await screen.Panel.GetByRole(AriaRole.Button, new() { Name = "Add label" }).ClickAsync();
        await Assertions.Expect(screen.Panel.GetByRole(AriaRole.Button, new() { Name = $"Remove label {label}" })).ToBeVisibleAsync();
        await screen.Panel.GetByLabel("New internal note").FillAsync("Call back on Monday about the premium plan.");
        await screen.Panel.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(screen.Panel.GetByRole(AriaRole.List, new() { Name = "Internal notes" })).ToContainTextAsync("Call back on Monday");

        await screen.Page.ReloadAsync();

        await Assertions.Expect(screen.Panel.GetByRole(AriaRole.Button, new() { Name = $"Remove label {label}" })).ToBeVisibleAsync();
        await Assertions.Expect(screen.ChatRow(waId)).ToContainTextAsync(label);
        await Assertions.Expect(screen.Panel.GetByRole(AriaRole.List, new() { Name = "Internal notes" })).ToContainTextAsync("Call back on Monday about the premium plan.");
        await Assertions.Expect(screen.Timeline.Locator(".message-note")).ToContainTextAsync("Note");
    }
}
