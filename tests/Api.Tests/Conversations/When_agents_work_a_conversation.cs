using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Tests.Infrastructure;
using Switchboard.Grains.Conversations;

namespace Switchboard.Api.Tests.Conversations;

public sealed class When_agents_work_a_conversation(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_assigned_conversation_shows_in_the_agents_mine_view_and_leaves_unassigned()
    {
        var scene = await api.CustomerWroteAsync();
        var (agentId, agent) = await scene.Tenant.AddAgentAsync(name: "Ana");

        (await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/assign", new { agentId })).EnsureSuccessStatusCode();

        var mine = await agent.GetFromJsonAsync<JsonElement>("/api/v1/conversations?view=mine");
        var unassigned = await agent.GetFromJsonAsync<JsonElement>("/api/v1/conversations?view=unassigned");
        Assert.Single(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == scene.ConversationId);
        Assert.DoesNotContain(unassigned.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == scene.ConversationId);
    }

    [Fact]
    public async Task A_transfer_writes_a_system_line_naming_both_agents()
    {
        var scene = await api.CustomerWroteAsync();
        var (anaId, _) = await scene.Tenant.AddAgentAsync(name: "Ana");
        var (benId, _) = await scene.Tenant.AddAgentAsync(name: "Ben");
        await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/assign", new { agentId = anaId });

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/assign", new { agentId = benId });

        var conversation = await response.ReadAsync<JsonElement>();
        Assert.Equal(benId, conversation.GetProperty("assignee").GetProperty("id").GetString());
        var line = (await scene.TimelineAsync()).GetProperty("items").EnumerateArray().Last(m => m.GetProperty("direction").GetString() == "system");
        Assert.Contains("Ana", line.GetProperty("preview").GetString());
        Assert.Contains("Ben", line.GetProperty("preview").GetString());
    }

    [Fact]
    public async Task Labels_must_exist_and_are_kept_once_set()
    {
        var scene = await api.CustomerWroteAsync();
        (await scene.Tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "VIP", color = "#ff9900" })).EnsureSuccessStatusCode();

        var unknown = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/labels", new { labels = new[] { "nope" } });
        var known = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/labels", new { labels = new[] { "vip" } });

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        known.EnsureSuccessStatusCode();
        Assert.Equal(["VIP"], (await scene.ConversationAsync()).GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_note_joins_the_timeline_as_a_note_and_is_never_queued_for_the_customer()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/notes", new { text = "Called them yesterday" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var note = (await scene.TimelineAsync()).GetProperty("items").EnumerateArray().Last();
        Assert.Equal("note", note.GetProperty("direction").GetString());
        Assert.Equal("Called them yesterday", note.GetProperty("preview").GetString());
        var key = new ConversationKey(scene.Tenant.TenantId, scene.ChannelId, scene.WaId);
        var state = (await api.Silo.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>(key.ToString()).Read()).State;
        Assert.Empty(state.Outbox.Sends);
    }

    [Fact]
    public async Task Snoozing_without_a_time_is_refused_and_the_status_stays()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/status", new { status = "snoozed" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_status");
        Assert.Equal("open", (await scene.ConversationAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_scheduled_message_is_listed_until_it_is_cancelled()
    {
        var scene = await api.CustomerWroteAsync();

        var created = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/scheduled-messages",
            new { type = "text", text = "Reminder: your appointment", sendAt = DateTimeOffset.UtcNow.AddHours(2) });
        var scheduled = await created.ReadAsync<JsonElement>();
        var listed = await scene.Tenant.Admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/conversations/{scene.ConversationId}/scheduled-messages");
        var cancelled = await scene.Tenant.Admin.DeleteAsync($"/api/v1/conversations/{scene.ConversationId}/scheduled-messages/{scheduled.GetProperty("id").GetString()}");
        var after = await scene.Tenant.Admin.GetFromJsonAsync<JsonElement[]>($"/api/v1/conversations/{scene.ConversationId}/scheduled-messages");

        Assert.Single(listed!, s => s.GetProperty("preview").GetString() == "Reminder: your appointment");
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Empty(after!);
    }

    [Fact]
    public async Task Reading_a_conversation_clears_its_unread_count()
    {
        var scene = await api.CustomerWroteAsync();
        var (_, agent) = await scene.Tenant.AddAgentAsync();
        Assert.Equal(1, (await scene.ConversationAsync()).GetProperty("unreadCount").GetInt32());

        (await agent.PostAsync($"/api/v1/conversations/{scene.ConversationId}/read", null)).EnsureSuccessStatusCode();

        Assert.Equal(0, (await scene.ConversationAsync()).GetProperty("unreadCount").GetInt32());
    }
}
