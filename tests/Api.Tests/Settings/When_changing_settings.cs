using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Settings;

public sealed class When_changing_settings(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_tenant_keeps_history_30_days_and_has_no_leave_message()
    {
        var tenant = await api.CreateTenantAsync();

        var settings = await (await tenant.Admin.GetAsync("/api/v1/settings")).ReadAsync<JsonElement>();

        Assert.Equal(30, settings.GetProperty("retentionDays").GetInt32());
        Assert.False(settings.TryGetProperty("leaveMessage", out _));
    }

    [Fact]
    public async Task An_admin_sets_the_leave_message_and_retention_that_agents_then_read()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        var updated = await tenant.Admin.PatchAsJsonAsync("/api/v1/settings", new { leaveMessage = "A colleague will continue with you.", retentionDays = 90 });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var settings = await (await agent.GetAsync("/api/v1/settings")).ReadAsync<JsonElement>();
        Assert.Equal("A colleague will continue with you.", settings.GetProperty("leaveMessage").GetString());
        Assert.Equal(90, settings.GetProperty("retentionDays").GetInt32());
    }

    [Fact]
    public async Task An_empty_leave_message_turns_it_off_and_keeps_retention()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PatchAsJsonAsync("/api/v1/settings", new { leaveMessage = "Bye", retentionDays = 60 });

        var settings = await (await tenant.Admin.PatchAsJsonAsync("/api/v1/settings", new { leaveMessage = "" })).ReadAsync<JsonElement>();

        Assert.False(settings.TryGetProperty("leaveMessage", out _));
        Assert.Equal(60, settings.GetProperty("retentionDays").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3651)]
    public async Task A_retention_outside_1_to_3650_days_is_refused_and_changes_nothing(int retentionDays)
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PatchAsJsonAsync("/api/v1/settings", new { leaveMessage = "Changed", retentionDays });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("retentionDays", out _));
        var settings = await (await tenant.Admin.GetAsync("/api/v1/settings")).ReadAsync<JsonElement>();
        Assert.Equal(30, settings.GetProperty("retentionDays").GetInt32());
        Assert.False(settings.TryGetProperty("leaveMessage", out _));
    }

    [Fact]
    public async Task Agents_cannot_change_settings()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        var response = await agent.PatchAsJsonAsync("/api/v1/settings", new { retentionDays = 7 });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_tenants_change_never_reaches_another_tenant()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();

        await mine.Admin.PatchAsJsonAsync("/api/v1/settings", new { leaveMessage = "Mine only", retentionDays = 5 });

        var theirSettings = await (await theirs.Admin.GetAsync("/api/v1/settings")).ReadAsync<JsonElement>();
        Assert.Equal(30, theirSettings.GetProperty("retentionDays").GetInt32());
        Assert.False(theirSettings.TryGetProperty("leaveMessage", out _));
    }
}
