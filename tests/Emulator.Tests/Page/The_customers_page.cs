using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Switchboard.Emulator.Tests.Infrastructure;
using Switchboard.Emulator.Tests.Messages;

namespace Switchboard.Emulator.Tests.Page;

public sealed class The_customers_page(EmulatorFactory factory, ChromiumFixture chromium) : EmulatorTest(factory), IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Sends_an_inbound_text_that_the_business_receives_as_a_signed_webhook()
    {
        var waId = TestIds.WaId();
        var page = await OpenAsync();

        await page.GetByLabel("Business number").SelectOptionAsync(Number.PhoneNumberId);
        await page.GetByLabel("Customer number (wa_id)").FillAsync(waId);
        await page.GetByLabel("Customer name").FillAsync("Ana Página");
        await page.GetByLabel("Message", new() { Exact = true }).FillAsync("Hello from the page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        var webhook = await Receiver.WaitForAsync(w => w.Messages.Any(), "the page's message");
        var message = webhook.Messages.Single();
        Assert.Equal("Hello from the page", message["text"]!["body"]!.GetValue<string>());
        Assert.Equal(waId, message["from"]!.GetValue<string>());
        Assert.Equal("Ana Página", webhook.Changes.Single()["value"]!["contacts"]![0]!["profile"]!["name"]!.GetValue<string>());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("acknowledged");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Messages" })).ToContainTextAsync("Hello from the page");
    }

    [Fact]
    public async Task Shows_a_business_reply_with_its_status_and_sends_the_tap_on_a_reply_button()
    {
        var waId = await CustomerWithOpenWindowAsync();
        var sent = await Emulator.SendAsync(Number, new JsonObject
        {
            ["to"] = waId,
            ["type"] = "interactive",
            ["interactive"] = Sending_a_message.Buttons(2, "Choice"),
        });
        var page = await OpenAsync();

        await page.GetByLabel("Business number").SelectOptionAsync(Number.PhoneNumberId);
        await page.GetByLabel("Customer number (wa_id)").FillAsync(waId);
        await page.GetByLabel("Customer number (wa_id)").DispatchEventAsync("change");
        await Assertions.Expect(page.GetByLabel("Status: read")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Choice1", Exact = true }).ClickAsync();

        var webhook = await Receiver.WaitForAsync(w => w.Messages.Any(m => m["type"]!.GetValue<string>() == "interactive"), "the button tap");
        var tap = webhook.Messages.Single();
        Assert.Equal("button_reply", tap["interactive"]!["type"]!.GetValue<string>());
        Assert.Equal("b1", tap["interactive"]!["button_reply"]!["id"]!.GetValue<string>());
        Assert.Equal(sent.Wamid, tap["context"]!["id"]!.GetValue<string>());
    }

    private async Task<IPage> OpenAsync()
    {
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(Factory.BaseAddress.ToString());
        return page;
    }
}
