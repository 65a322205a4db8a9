using System.Net.Http.Json;
using System.Text.RegularExpressions;
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

    [Fact]
    public async Task A_list_answer_read_before_a_live_status_change_does_not_undo_it()
    {
        var name = $"restock_{Guid.NewGuid().ToString("N")[..6]}";
        using (var admin = await Cluster.SignInAsync(Cluster.ApiA))
        {
            await Cluster.ApprovedTemplateAsync(admin, name, "marketing", new { type = "BODY", text = "Your favourite tea is back in stock." });
        }

        var screen = await SignedInAsync();
        var sections = screen.Page.GetByRole(AriaRole.Navigation, new() { Name = "Admin sections" });
        await screen.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await sections.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        var status = screen.Page.GetByRole(AriaRole.Status, new() { Name = $"Status of {name} en_US" });
        await Assertions.Expect(status).ToHaveTextAsync("approved");

        // The next list is read from the server at once (approved) but reaches the page only after
        // the template has been paused and the screen told: a slow answer overtaken by the news.
        var read = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        var listUrl = new Regex(@"/api/v1/templates(\?.*)?$");
        await screen.Page.RouteAsync(listUrl, async route =>
        {
            if (route.Request.Method != "GET" || Interlocked.Increment(ref held) > 1)
            {
                await route.ContinueAsync();
                return;
            }

            var answer = await route.FetchAsync();
            read.SetResult();
            await release.Task;
            await route.FulfillAsync(new RouteFulfillOptions { Response = answer });
        });
        await sections.GetByRole(AriaRole.Link, new() { Name = "Labels" }).ClickAsync();
        await sections.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        await read.Task.WaitAsync(TimeSpan.FromSeconds(15));

        using var emulator = new HttpClient { BaseAddress = Cluster.Emulator.BaseAddress };
        (await emulator.PostAsJsonAsync("/_emulator/templates/status", new { wabaId = ClusterFixture.WabaId, name, language = "en_US", status = "PAUSED" })).EnsureSuccessStatusCode();
        await Assertions.Expect(status).ToHaveTextAsync("paused");

        var reloaded = screen.Page.WaitForResponseAsync(response => listUrl.IsMatch(response.Url) && Volatile.Read(ref held) > 1);
        release.SetResult();
        // The screen drops the answer it now knows to be stale and reads the list again.
        await reloaded;
        await Assertions.Expect(status).ToHaveTextAsync("paused");
    }
}
