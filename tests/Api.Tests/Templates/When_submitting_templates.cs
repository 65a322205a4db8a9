using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Templates;

/// <summary>Templates go for review to the WhatsApp emulator, through the tenant's number.</summary>
public sealed class When_submitting_templates(ApiFactory api, EmulatorProcess emulator) : IClassFixture<ApiFactory>, IClassFixture<EmulatorProcess>
{
    [Fact]
    public async Task Submitting_sends_the_template_for_review_and_marks_it_pending()
    {
        var (tenant, number) = await TenantWithNumberAsync();
        var id = await DraftAsync(tenant, "order_confirmation");

        var response = await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null);

        var template = await response.ReadAsync<JsonElement>();
        Assert.Equal("pending", template.GetProperty("status").GetString());
        var providerId = template.GetProperty("providerTemplateId").GetString();
        var atProvider = Assert.Single(await emulator.TemplatesAsync(number.WabaId));
        Assert.Equal(providerId, atProvider.Id);
        Assert.Equal("order_confirmation", atProvider.Name);
        Assert.Equal("en_US", atProvider.Language);
    }

    [Fact]
    public async Task The_template_is_reviewed_through_the_number_it_names()
    {
        var tenant = await api.CreateTenantAsync();
        var first = ChannelSeeds.NewSecrets();
        var second = ChannelSeeds.NewSecrets();
        await emulator.RegisterNumberAsync(first);
        await emulator.RegisterNumberAsync(second);
        await tenant.AddChannelAsync(first, emulator.BaseAddress.ToString());
        var secondId = (await tenant.AddChannelAsync(second, emulator.BaseAddress.ToString())).GetProperty("id").GetString();
        var body = TemplateBodies.Valid("second_number");
        body["channelId"] = secondId;
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", body)).ReadAsync<JsonElement>()).GetProperty("id").GetString();

        await (await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null)).ReadAsync<JsonElement>();

        Assert.Empty(await emulator.TemplatesAsync(first.WabaId));
        Assert.Single(await emulator.TemplatesAsync(second.WabaId));
    }

    [Fact]
    public async Task A_provider_refusal_answers_with_its_code_and_message_and_leaves_the_draft()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await emulator.RegisterNumberAsync(number);
        await tenant.AddChannelAsync(number with { AccessToken = "EAAG-a-token-the-provider-does-not-know" }, emulator.BaseAddress.ToString());
        var id = await DraftAsync(tenant, "refused_template");

        var response = await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "provider_refused");
        Assert.Equal(190, problem.GetProperty("providerCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("providerMessage").GetString()));
        var template = await (await tenant.Admin.GetAsync($"/api/v1/templates/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("draft", template.GetProperty("status").GetString());
        Assert.False(template.TryGetProperty("providerTemplateId", out _));
        Assert.False(template.TryGetProperty("channelId", out _));
    }

    [Fact]
    public async Task Without_a_healthy_number_submitting_answers_409_channel_unavailable()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.AddChannelAsync(graphBaseUrl: emulator.BaseAddress.ToString(), status: "disconnected");
        var id = await DraftAsync(tenant, "nowhere_to_go");

        var response = await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "channel_unavailable");
        var template = await (await tenant.Admin.GetAsync($"/api/v1/templates/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("draft", template.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_whose_number_was_removed_is_not_sent_through_another_number()
    {
        var tenant = await api.CreateTenantAsync();
        var first = ChannelSeeds.NewSecrets();
        var second = ChannelSeeds.NewSecrets();
        await emulator.RegisterNumberAsync(first);
        await emulator.RegisterNumberAsync(second);
        var firstId = (await tenant.AddChannelAsync(first, emulator.BaseAddress.ToString())).GetProperty("id").GetString();
        await tenant.AddChannelAsync(second, emulator.BaseAddress.ToString());
        var body = TemplateBodies.Valid("first_number_only");
        body["channelId"] = firstId;
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", body)).ReadAsync<JsonElement>()).GetProperty("id").GetString();
        await tenant.Admin.DeleteAsync($"/api/v1/channels/{firstId}");

        var response = await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "channel_unavailable");
        Assert.Empty(await emulator.TemplatesAsync(second.WabaId));
    }

    [Fact]
    public async Task A_template_already_submitted_cannot_be_submitted_again()
    {
        var (tenant, number) = await TenantWithNumberAsync();
        var id = await DraftAsync(tenant, "only_once");
        await (await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null)).ReadAsync<JsonElement>();

        var again = await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null);

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "template_not_draft");
        Assert.Single(await emulator.TemplatesAsync(number.WabaId));
    }

    [Fact]
    public async Task Deleting_a_submitted_template_deletes_it_at_the_provider_too()
    {
        var (tenant, number) = await TenantWithNumberAsync();
        var id = await DraftAsync(tenant, "short_lived");
        await (await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null)).ReadAsync<JsonElement>();

        var deleted = await tenant.Admin.DeleteAsync($"/api/v1/templates/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await emulator.TemplatesAsync(number.WabaId));
        await (await tenant.Admin.GetAsync($"/api/v1/templates/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task When_the_provider_refuses_a_deletion_the_template_is_kept()
    {
        var (tenant, _) = await TenantWithNumberAsync();
        var id = await DraftAsync(tenant, "kept_template");
        var submitted = await (await tenant.Admin.PostAsync($"/api/v1/templates/{id}/submit", null)).ReadAsync<JsonElement>();
        var channelId = submitted.GetProperty("channelId").GetString();
        await tenant.Admin.PatchAsJsonAsync($"/api/v1/channels/{channelId}", new { accessToken = "EAAG-revoked-token" });

        var response = await tenant.Admin.DeleteAsync($"/api/v1/templates/{id}");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "provider_refused");
        Assert.Equal(190, problem.GetProperty("providerCode").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync($"/api/v1/templates/{id}")).StatusCode);
    }

    private async Task<(TenantSession Tenant, ChannelSeeds.ChannelSecrets Number)> TenantWithNumberAsync()
    {
        var tenant = await api.CreateTenantAsync();
        var number = ChannelSeeds.NewSecrets();
        await emulator.RegisterNumberAsync(number);
        await tenant.AddChannelAsync(number, emulator.BaseAddress.ToString());
        return (tenant, number);
    }

    private static async Task<string> DraftAsync(TenantSession tenant, string name) =>
        (await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid(name))).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
}
