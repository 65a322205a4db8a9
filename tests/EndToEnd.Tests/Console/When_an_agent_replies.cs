using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_an_agent_replies(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{

    [Fact]
    public async Task The_ticks_turn_blue_when_the_customer_reads()
    {
        var (screen, waId) = await OpenChatWithNewCustomerAsync("Can I change my delivery address?");

        await screen.Composer.GetByLabel("Message", new() { Exact = true }).FillAsync("Of course — what is the new address?");
        await screen.Composer.GetByLabel("Message", new() { Exact = true }).PressAsync("Enter");

        var reply = screen.Bubble("Of course — what is the new address?");
        await Assertions.Expect(reply).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("message-outbound"));
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "read");
        await Assertions.Expect(reply.GetByRole(AriaRole.Img, new() { Name = "Read" })).ToBeVisibleAsync();
        await Assertions.Expect(reply.Locator(".ticks-read")).ToHaveCSSAsync("color", "rgb(83, 189, 235)");
        Assert.Contains(await Cluster.Customers.OutboxAsync(waId), m => m.GetProperty("type").GetString() == "text");
        await screen.ScreenshotAsync("inbox-chat");
    }

    [Fact]
    public async Task An_attached_image_goes_to_the_customer_and_shows_in_the_chat()
    {
        var (screen, waId) = await OpenChatWithNewCustomerAsync("Send me a photo of the product please");

        await screen.Page.GetByLabel("File to attach").SetInputFilesAsync(new FilePayload { Name = "product.png", MimeType = "image/png", Buffer = SampleFiles.Png() });
        await Assertions.Expect(screen.Composer).ToContainTextAsync("product.png");
        await screen.Composer.GetByLabel("Message", new() { Exact = true }).FillAsync("Here it is");
        await screen.Composer.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var bubble = screen.Bubble("Here it is");
        await Assertions.Expect(bubble.GetByRole(AriaRole.Img, new() { Name = "Here it is" })).ToBeVisibleAsync();
        await Assertions.Expect(bubble).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("sent|delivered|read"));
        await Eventually.TrueAsync(
            async () => (await Cluster.Customers.OutboxAsync(waId)).Any(m => m.GetProperty("type").GetString() == "image"),
            TimeSpan.FromSeconds(15), "the image at the customer's phone");
    }

    [Fact]
    public async Task An_image_over_5_MB_is_refused_before_it_is_uploaded()
    {
        var (screen, _) = await OpenChatWithNewCustomerAsync("Can you send the catalogue?");
        var uploads = 0;
        screen.Page.Request += (_, request) => uploads += request.Url.Contains("/api/v1/media") ? 1 : 0;
        var large = new byte[6 * 1024 * 1024];
        SampleFiles.Png().CopyTo(large, 0);

        await screen.Page.GetByLabel("File to attach").SetInputFilesAsync(new FilePayload { Name = "catalogue.png", MimeType = "image/png", Buffer = large });

        await Assertions.Expect(screen.Composer.GetByRole(AriaRole.Alert)).ToContainTextAsync("5 MB");
        Assert.Equal(0, uploads);
    }

    private async Task<(AgentScreen Screen, string WaId)> OpenChatWithNewCustomerAsync(string firstMessage)
    {
        var screen = await SignedInAsync();
        var waId = Cluster.NewCustomer();
        await Cluster.Customers.CustomerSendsTextAsync(waId, firstMessage, name: "Rita Reply");
        await screen.ChatRow(waId).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(screen.Bubble(firstMessage)).ToBeVisibleAsync();
        return (screen, waId);
    }
}
