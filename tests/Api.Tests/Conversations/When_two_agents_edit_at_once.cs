using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Conversations;

/// <summary>
/// Failure mode 4: a conversation answers with its sequence as ETag; an edit sent with
/// <c>If-Match</c> from a view another agent has since changed is refused and changes nothing.
/// </summary>
public sealed class When_two_agents_edit_at_once(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_conversation_answers_with_its_sequence_as_etag()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.GetAsync($"/api/v1/conversations/{scene.ConversationId}");

        var sequence = (await response.ReadAsync<JsonElement>()).GetProperty("sequence").GetInt64();
        Assert.Equal($"\"{sequence}\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task An_edit_from_a_stale_view_is_refused_with_stale_version_and_changes_nothing()
    {
        var scene = await api.CustomerWroteAsync();
        var (anaId, _) = await scene.Tenant.AddAgentAsync(name: "Ana");
        var seen = (await scene.Tenant.Admin.GetAsync($"/api/v1/conversations/{scene.ConversationId}")).Headers.ETag!.ToString();
        (await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/assign", new { agentId = anaId })).EnsureSuccessStatusCode();

        var stale = await PostWithIfMatchAsync(scene, "status", new { status = "resolved" }, seen);

        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "stale_version");
        var conversation = await scene.ConversationAsync();
        Assert.Equal("open", conversation.GetProperty("status").GetString());
        Assert.Equal(anaId, conversation.GetProperty("assignee").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_edit_from_the_current_view_is_applied_and_answers_the_new_etag()
    {
        var scene = await api.CustomerWroteAsync();
        var current = (await scene.Tenant.Admin.GetAsync($"/api/v1/conversations/{scene.ConversationId}")).Headers.ETag!.ToString();

        var response = await PostWithIfMatchAsync(scene, "status", new { status = "resolved" }, current);

        response.EnsureSuccessStatusCode();
        var conversation = await response.ReadAsync<JsonElement>();
        Assert.Equal("resolved", conversation.GetProperty("status").GetString());
        Assert.Equal($"\"{conversation.GetProperty("sequence").GetInt64()}\"", response.Headers.ETag?.ToString());
        Assert.NotEqual(current, response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_validation_problem_and_changes_nothing()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await PostWithIfMatchAsync(scene, "status", new { status = "resolved" }, "yesterday");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Equal("open", (await scene.ConversationAsync()).GetProperty("status").GetString());
    }

    private static async Task<HttpResponseMessage> PostWithIfMatchAsync(ConversationScenes.Scene scene, string action, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/conversations/{scene.ConversationId}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await scene.Tenant.Admin.SendAsync(request);
    }
}
