using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Conversations;
using Switchboard.Api.Tests.Infrastructure;
using Switchboard.Api.Tests.Media;

namespace Switchboard.Api.Tests.Contacts;

/// <summary>The function panel's "files of the contact": every media message of theirs, not just the loaded history.</summary>
public sealed class When_listing_a_contacts_files(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Only_media_messages_are_listed_newest_first()
    {
        var scene = await api.CustomerWroteAsync();
        var first = await SendImageAsync(scene, "first receipt");
        await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "text", text = "no file here" });
        var second = await SendImageAsync(scene, "second receipt");

        var files = await (await scene.Tenant.Admin.GetAsync($"/api/v1/contacts/{await ContactIdAsync(scene)}/files")).ReadAsync<JsonElement>();

        Assert.Equal([second, first], files.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.All(files.GetProperty("items").EnumerateArray(), f => Assert.Equal("image", f.GetProperty("type").GetString()));
        Assert.Null(NextCursor(files));
    }

    [Fact]
    public async Task The_cursor_pages_through_older_files_without_repeats()
    {
        var scene = await api.CustomerWroteAsync();
        var sent = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(await SendImageAsync(scene, $"page test {i}"));
        }

        var contactId = await ContactIdAsync(scene);
        var page1 = await (await scene.Tenant.Admin.GetAsync($"/api/v1/contacts/{contactId}/files?limit=2")).ReadAsync<JsonElement>();
        var cursor = NextCursor(page1);
        Assert.NotNull(cursor);
        var page2 = await (await scene.Tenant.Admin.GetAsync($"/api/v1/contacts/{contactId}/files?limit=2&cursor={cursor}")).ReadAsync<JsonElement>();

        var ids = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(sent), ids);
        Assert.Null(NextCursor(page2));
    }

    [Fact]
    public async Task A_cursor_this_api_did_not_give_out_is_a_validation_problem()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.GetAsync($"/api/v1/contacts/{await ContactIdAsync(scene)}/files?cursor=not-a-cursor");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Another_tenants_contact_answers_404()
    {
        var scene = await api.CustomerWroteAsync();
        await SendImageAsync(scene, "private");
        var other = await api.CreateTenantAsync();

        var response = await other.Admin.GetAsync($"/api/v1/contacts/{await ContactIdAsync(scene)}/files");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    /// <summary>The page's cursor; the Api leaves a null one out.</summary>
    private static string? NextCursor(JsonElement page) =>
        page.TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;

    private static async Task<string> ContactIdAsync(ConversationScenes.Scene scene) =>
        (await scene.ConversationAsync()).GetProperty("contact").GetProperty("id").GetString()!;

    /// <summary>Uploads a small PNG and sends it into the scene's conversation; returns the message id.</summary>
    private static async Task<string> SendImageAsync(ConversationScenes.Scene scene, string caption)
    {
        var file = new StreamContent(GeneratedFile.Png(2_000));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        using var form = new MultipartFormDataContent { { file, "file", "receipt.png" }, { new StringContent("image"), "kind" } };
        var media = await (await scene.Tenant.Admin.PostAsync("/api/v1/media", form)).ReadAsync<JsonElement>();
        var sent = await scene.Tenant.Admin.PostAsJsonAsync(
            $"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "image", mediaId = media.GetProperty("id").GetString(), caption });
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        return (await sent.ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
