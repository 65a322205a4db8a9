using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using Switchboard.EndToEnd.Tests.ConsoleSupport;
using Switchboard.EndToEnd.Tests.Infrastructure;

namespace Switchboard.EndToEnd.Tests.Console;

[Collection(ClusterCollection.Name)]
public sealed class When_looking_for_a_contacts_files(ClusterFixture cluster, ConsoleBrowser browser) : ConsoleTest(cluster, browser), IClassFixture<ConsoleBrowser>
{
    [Fact]
    public async Task The_files_panel_lists_a_file_from_beyond_the_loaded_history()
    {
        using var agent = await Cluster.SignInAsync(Cluster.ApiA);
        var (_, conversationId) = await Cluster.NewConversationAsync(agent, "Send me the price list", "Fatima Files");
        await SendImageAsync(agent, conversationId, "price-list.png");

        // Enough notes after it that the image is not on the chat's first page.
        for (var i = 0; i < 55; i++)
        {
            var note = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/notes", new { text = $"follow-up note {i}" });
            Assert.Equal(System.Net.HttpStatusCode.Created, note.Status);
        }

        var screen = await SignedInAsync();
        await screen.OpenChatAsync(conversationId);
        await Assertions.Expect(screen.Timeline).ToContainTextAsync("follow-up note 54");
        await screen.Panel.GetByText("Files", new() { Exact = true }).ClickAsync();

        var files = screen.Panel.GetByRole(AriaRole.List, new() { Name = "Files" });
        await Assertions.Expect(files).ToContainTextAsync("price-list.png");
        await Assertions.Expect(screen.Timeline.Locator(".message-row img")).ToHaveCountAsync(0); // the image itself is not loaded in the chat
    }

    private static async Task SendImageAsync(ApiSession agent, string conversationId, string filename)
    {
        var file = new ByteArrayContent(SampleFiles.Png());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        using var form = new MultipartFormDataContent { { file, "file", filename }, { new StringContent("image"), "kind" } };
        var upload = await agent.Http.PostAsync("/api/v1/media", form);
        var media = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.True(upload.IsSuccessStatusCode, $"upload refused: {media}");
        var sent = await agent.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "image", mediaId = media.GetProperty("id").GetString() });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, sent.Status);
    }
}
