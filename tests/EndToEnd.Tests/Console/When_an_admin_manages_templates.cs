using System.Net.Http.Json;
using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_an_admin_manages_templates(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task A_submitted_template_shows_its_review_status_live()
    {
        var name = $"spring_sale_{Guid.NewGuid().ToString("N")[..6]}";
        var screen = await SignedInAsync();
        await screen.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await screen.Page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" }).GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();

        var form = screen.Page.GetByRole(AriaRole.Form, new() { Name = "Create a template" });
        await form.GetByLabel("Name (lowercase, digits, _)").FillAsync(name);
        await form.GetByLabel("Body — variables as").FillAsync("Hello {{1}}, our spring sale starts today!");
        await form.GetByLabel("Example values").FillAsync("Maria");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();
        var status = screen.Page.GetByRole(AriaRole.Status, new() { Name = $"Status of {name} en_US" });
        await Assertions.Expect(status).ToHaveTextAsync("draft");

        await screen.Page.GetByRole(AriaRole.Button, new() { Name = $"Submit {name} (en_US) for approval" }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("approved");

        // Meta pauses it later: the webhook's news reaches the open screen without a reload.
        using var emulator = new HttpClient { BaseAddress = Cluster.Emulator.BaseAddress };
        (await emulator.PostAsJsonAsync("/_emulator/templates/status", new { wabaId = ClusterFixture.WabaId, name, language = "en_US", status = "PAUSED" })).EnsureSuccessStatusCode();
        await Assertions.Expect(status).ToHaveTextAsync("paused");
        await screen.ScreenshotAsync("admin-templates");
    }
}
