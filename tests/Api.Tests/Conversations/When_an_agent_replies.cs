using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Conversations;

public sealed class When_an_agent_replies(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_reply_inside_the_window_is_queued_and_joins_the_timeline()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "text", text = "On it!" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var last = (await scene.TimelineAsync()).GetProperty("items").EnumerateArray().Last();
        Assert.Equal(accepted.GetProperty("id").GetString(), last.GetProperty("id").GetString());
        Assert.Equal("outbound", last.GetProperty("direction").GetString());
        Assert.Equal("On it!", last.GetProperty("content").GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_free_form_reply_25_hours_after_the_customer_wrote_is_refused_with_window_closed()
    {
        var scene = await api.CustomerWroteAsync(sentAt: DateTimeOffset.UtcNow.AddHours(-25));
        var before = (await scene.TimelineAsync()).GetRawText();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "text", text = "Sorry for the delay" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "window_closed");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, (await scene.TimelineAsync()).GetRawText());
    }

    [Fact]
    public async Task A_reply_held_while_the_window_is_closed_is_queued_when_the_customer_writes_again()
    {
        var scene = await api.CustomerWroteAsync(sentAt: DateTimeOffset.UtcNow.AddHours(-25));

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages",
            new { type = "text", text = "Waiting for you", holdIfWindowClosed = true });
        var held = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("held", held.GetProperty("status").GetString());

        await scene.Tenant.CustomerWritesAsync(scene.Number, scene.WaId, "I'm back");

        var message = (await scene.TimelineAsync()).GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetString() == held.GetProperty("id").GetString());
        Assert.Equal("queued", message.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_approved_template_goes_out_even_when_the_window_is_closed()
    {
        var scene = await api.CustomerWroteAsync(sentAt: DateTimeOffset.UtcNow.AddHours(-25));
        await api.ApprovedTemplateAsync(scene.Tenant.TenantId, "follow_up", "Hi {{1}}, we have news about {{2}}.");

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages",
            new { type = "template", template = new { name = "follow_up", language = "en_US", parameters = new[] { "Ana", "your order" } } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var last = (await scene.TimelineAsync()).GetProperty("items").EnumerateArray().Last();
        Assert.Equal("Hi Ana, we have news about your order.", last.GetProperty("preview").GetString());
    }

    [Fact]
    public async Task A_template_with_the_wrong_number_of_values_is_refused_with_template_params_mismatch()
    {
        var scene = await api.CustomerWroteAsync();
        await api.ApprovedTemplateAsync(scene.Tenant.TenantId, "two_values", "{{1}} and {{2}}.");

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages",
            new { type = "template", template = new { name = "two_values", language = "en_US", parameters = new[] { "only one" } } });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "template_params_mismatch");
    }

    [Fact]
    public async Task A_template_still_in_review_is_refused_with_template_not_approved()
    {
        var scene = await api.CustomerWroteAsync();
        await api.ApprovedTemplateAsync(scene.Tenant.TenantId, "in_review", "Hello.", status: "pending");

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages",
            new { type = "template", template = new { name = "in_review", language = "en_US", parameters = Array.Empty<string>() } });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "template_not_approved");
    }

    [Fact]
    public async Task A_message_of_an_unknown_type_is_refused_and_nothing_is_added()
    {
        var scene = await api.CustomerWroteAsync();
        var before = (await scene.TimelineAsync()).GetRawText();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "telegram", text = "?" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(before, (await scene.TimelineAsync()).GetRawText());
    }

    [Fact]
    public async Task Another_tenants_media_cannot_be_sent()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.PostAsJsonAsync($"/api/v1/conversations/{scene.ConversationId}/messages", new { type = "image", mediaId = "md_belongs_to_someone_else" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("mediaId", out _));
    }

    [Fact]
    public async Task Starting_a_conversation_with_an_invalid_number_is_refused_with_invalid_phone_number()
    {
        var scene = await api.CustomerWroteAsync();

        var response = await scene.Tenant.Admin.PostAsJsonAsync("/api/v1/conversations", new
        {
            channelId = scene.ChannelId, to = "0044-12", template = new { name = "x", language = "en_US" },
        });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_phone_number");
    }

    [Fact]
    public async Task Starting_a_conversation_with_an_approved_template_creates_it()
    {
        var scene = await api.CustomerWroteAsync();
        await api.ApprovedTemplateAsync(scene.Tenant.TenantId, "welcome", "Welcome {{1}}!");

        var response = await scene.Tenant.Admin.PostAsJsonAsync("/api/v1/conversations", new
        {
            channelId = scene.ChannelId, to = "+447700900123", template = new { name = "welcome", language = "en_US", parameters = new[] { "Sam" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conversation = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("+447700900123", conversation.GetProperty("contact").GetProperty("phoneNumber").GetString());
        Assert.False(conversation.GetProperty("window").GetProperty("open").GetBoolean());
        Assert.Equal("Welcome Sam!", conversation.GetProperty("lastMessage").GetProperty("preview").GetString());
    }
}
