using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Channels;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Channels;

public sealed class When_managing_channels(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_registers_a_number_and_its_secrets_never_come_back()
    {
        var tenant = await api.CreateTenantAsync();
        var secrets = ChannelSeeds.NewSecrets();

        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/channels", ChannelSeeds.Body(secrets));
        var createdBody = await created.Content.ReadAsStringAsync();
        var channel = await created.ReadAsync<JsonElement>();
        var id = channel.GetProperty("id").GetString();
        var fetched = await (await tenant.Admin.GetAsync($"/api/v1/channels/{id}")).Content.ReadAsStringAsync();
        var listed = await (await tenant.Admin.GetAsync("/api/v1/channels")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(secrets.PhoneNumberId, channel.GetProperty("phoneNumberId").GetString());
        Assert.True(channel.GetProperty("hasAccessToken").GetBoolean());
        Assert.True(channel.GetProperty("hasAppSecret").GetBoolean());
        Assert.True(channel.GetProperty("hasVerifyToken").GetBoolean());
        foreach (var body in new[] { createdBody, fetched, listed })
        {
            Assert.DoesNotContain(secrets.AccessToken, body);
            Assert.DoesNotContain(secrets.AppSecret, body);
            Assert.DoesNotContain(secrets.VerifyToken, body);
        }
    }

    [Fact]
    public void A_request_printed_in_a_log_shows_no_secret()
    {
        var request = new CreateChannelRequest("whatsapp", null, "+15550100", "106540352242922", "102290129340398", "EAAG-token", "the-app-secret", "the-verify-token", null, null, null, null);

        var printed = request.ToString();

        Assert.DoesNotContain("EAAG-token", printed);
        Assert.DoesNotContain("the-app-secret", printed);
        Assert.DoesNotContain("the-verify-token", printed);
    }

    [Fact]
    public async Task The_graph_base_url_defaults_to_the_graph_api()
    {
        var tenant = await api.CreateTenantAsync();

        var channel = await tenant.AddChannelAsync();

        Assert.Equal("https://graph.facebook.com", channel.GetProperty("graphBaseUrl").GetString());
        Assert.Equal("healthy", channel.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_phone_number_id_live_in_another_channel_is_refused_with_409()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var secrets = ChannelSeeds.NewSecrets();
        await theirs.AddChannelAsync(secrets);

        var response = await mine.Admin.PostAsJsonAsync("/api/v1/channels", ChannelSeeds.Body(secrets));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "phone_number_in_use");
        Assert.Empty(await (await mine.Admin.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task A_removed_channel_is_gone_from_the_api_and_its_number_can_be_registered_again()
    {
        var tenant = await api.CreateTenantAsync();
        var secrets = ChannelSeeds.NewSecrets();
        var id = (await tenant.AddChannelAsync(secrets)).GetProperty("id").GetString();

        var deleted = await tenant.Admin.DeleteAsync($"/api/v1/channels/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await tenant.Admin.GetAsync($"/api/v1/channels/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());
        Assert.Equal(HttpStatusCode.Created, (await tenant.Admin.PostAsJsonAsync("/api/v1/channels", ChannelSeeds.Body(secrets))).StatusCode);
    }

    [Fact]
    public async Task Removing_keeps_the_row_for_the_conversations_that_point_at_it()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await tenant.AddChannelAsync()).GetProperty("id").GetString();

        await tenant.Admin.DeleteAsync($"/api/v1/channels/{id}");

        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.True(await connection.ExecuteScalarAsync<bool>(
            "select deleted_at is not null from channels where tenant_id = @TenantId and id = @id", new { tenant.TenantId, id }));
    }

    [Fact]
    public async Task A_number_that_is_not_healthy_still_lists_marked_unhealthy()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.AddChannelAsync(status: "restricted");

        var listed = Assert.Single(await (await tenant.Admin.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());

        Assert.Equal("restricted", listed.GetProperty("status").GetString());
        Assert.False(listed.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Agents_read_numbers_but_only_admins_change_them()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await tenant.AddChannelAsync()).GetProperty("id").GetString();
        var (_, agent) = await tenant.AddAgentAsync();

        Assert.Single(await (await agent.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());
        await (await agent.PostAsJsonAsync("/api/v1/channels", ChannelSeeds.Body(ChannelSeeds.NewSecrets()))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PatchAsJsonAsync($"/api/v1/channels/{id}", new { name = "Mine" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync($"/api/v1/channels/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("phoneNumberId", "not-digits")]
    [InlineData("wabaId", "WABA 1")]
    [InlineData("graphBaseUrl", "ftp://graph.example")]
    [InlineData("type", "telegram")]
    [InlineData("status", "broken")]
    [InlineData("accessToken", "")]
    public async Task An_invalid_field_is_refused_by_name_and_nothing_is_created(string field, string value)
    {
        var tenant = await api.CreateTenantAsync();
        var body = JsonSerializer.SerializeToNode(ChannelSeeds.Body(ChannelSeeds.NewSecrets()), JsonSerializerOptions.Web)!.AsObject();
        body[field] = value;

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/channels", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}");
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task A_change_updates_fields_and_rotates_a_secret_without_returning_it()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await tenant.AddChannelAsync()).GetProperty("id").GetString();

        var response = await tenant.Admin.PatchAsJsonAsync($"/api/v1/channels/{id}", new { name = "Support line", accessToken = "EAAG-rotated-token", throughputPerSecond = 200 });

        var body = await response.Content.ReadAsStringAsync();
        var channel = await response.ReadAsync<JsonElement>();
        Assert.Equal("Support line", channel.GetProperty("name").GetString());
        Assert.Equal(200, channel.GetProperty("throughputPerSecond").GetInt32());
        Assert.DoesNotContain("EAAG-rotated-token", body);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal("EAAG-rotated-token", await connection.ExecuteScalarAsync<string>(
            "select access_token from channels where tenant_id = @TenantId and id = @id", new { tenant.TenantId, id }));
    }

    [Fact]
    public async Task An_invalid_change_is_refused_and_changes_nothing()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await tenant.AddChannelAsync()).GetProperty("id").GetString();

        var response = await tenant.Admin.PatchAsJsonAsync($"/api/v1/channels/{id}", new { name = "Renamed", throughputPerSecond = 5000 });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("throughputPerSecond", out _));
        var channel = await (await tenant.Admin.GetAsync($"/api/v1/channels/{id}")).ReadAsync<JsonElement>();
        Assert.NotEqual("Renamed", channel.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_tenants_channel_answers_404_and_is_unchanged()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = (await theirs.AddChannelAsync()).GetProperty("id").GetString();

        await (await mine.Admin.GetAsync($"/api/v1/channels/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PatchAsJsonAsync($"/api/v1/channels/{theirId}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.DeleteAsync($"/api/v1/channels/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/channels/{theirId}")).ReadAsync<JsonElement>();
        Assert.NotEqual("Hijacked", theirView.GetProperty("name").GetString());
        Assert.Empty(await (await mine.Admin.GetAsync("/api/v1/channels")).ReadAsync<JsonElement[]>());
    }
}
