using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_the_customer_window_has_closed(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_composer_offers_only_templates_and_says_why()
    {
        var (screen, _) = await OpenChatWrittenYesterdayAsync();

        await Assertions.Expect(screen.Composer).ToContainTextAsync("The customer last wrote more than 24 hours ago");
        await Assertions.Expect(screen.Composer).ToContainTextAsync("WhatsApp only allows approved templates");
        await Assertions.Expect(screen.Composer.GetByLabel("Message", new() { Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(screen.Page.GetByTestId("window-countdown")).ToHaveTextAsync("Window closed");
        await screen.Composer.GetByLabel("Template", new() { Exact = true }).SelectOptionAsync(ClusterFixture.TemplateName);
        await screen.Composer.GetByLabel("Variable {{1}}").FillAsync("Yuki");
        await Assertions.Expect(screen.Composer.GetByTestId("template-preview")).ToHaveTextAsync("Hi Yuki, your order {{2}} is on its way.");
        await screen.ScreenshotAsync("template-picker");
    }

    [Fact]
    public async Task A_template_chosen_filled_and_previewed_reaches_the_customer()
    {
        var (screen, waId) = await OpenChatWrittenYesterdayAsync();

        await screen.Composer.GetByLabel("Template", new() { Exact = true }).SelectOptionAsync(ClusterFixture.TemplateName);
        await screen.Composer.GetByLabel("Language").SelectOptionAsync("en_US");
        await screen.Composer.GetByLabel("Variable {{1}}").FillAsync("Maria");
        await screen.Composer.GetByLabel("Variable {{2}}").FillAsync("A-100");
        await Assertions.Expect(screen.Composer.GetByTestId("template-preview")).ToHaveTextAsync("Hi Maria, your order A-100 is on its way.");
        await screen.Composer.GetByRole(AriaRole.Button, new() { Name = "Send template" }).ClickAsync();

        await Assertions.Expect(screen.Timeline.Locator(".message-outbound").Filter(new() { HasText = ClusterFixture.TemplateName })).ToBeVisibleAsync();
        await Eventually.TrueAsync(
            async () => (await Cluster.Customers.OutboxAsync(waId)).Any(m => m.GetProperty("type").GetString() == "template"),
            TimeSpan.FromSeconds(15), "the template at the customer's phone");
    }

    private async Task<(AgentScreen Screen, string WaId)> OpenChatWrittenYesterdayAsync()
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, "Do you deliver on Sundays?", name: "Yuki Yesterday", sentAt: DateTimeOffset.UtcNow.AddHours(-25));
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble("Do you deliver on Sundays?")).ToBeVisibleAsync();
        return (screen, waId);
    }
}
