using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Agents;

public sealed class When_managing_agents(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_adds_an_agent_who_can_then_sign_in()
    {
        var tenant = await api.CreateTenantAsync();

        var (agentId, agent) = await tenant.AddAgentAsync(name: "Bea");

        var me = await (await agent.GetAsync("/api/v1/me")).ReadAsync<JsonElement>();
        Assert.Equal(agentId, me.GetProperty("id").GetString());
        Assert.Equal("agent", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_agent_cannot_add_agents()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        var response = await agent.PostAsJsonAsync("/api/v1/agents", new { email = "x@example.test", name = "X", password = ApiFactory.Password });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_agent_with_a_short_password_is_refused_and_nothing_is_created()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/agents", new { email = "short@example.test", name = "Short", password = "123" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        var agents = await (await tenant.Admin.GetAsync("/api/v1/agents")).ReadAsync<JsonElement[]>();
        Assert.DoesNotContain(agents, a => a.GetProperty("email").GetString() == "short@example.test");
    }

    [Fact]
    public async Task Another_tenants_agent_id_answers_404()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var (theirAgentId, _) = await theirs.AddAgentAsync();

        await (await mine.Admin.GetAsync($"/api/v1/agents/{theirAgentId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PatchAsJsonAsync($"/api/v1/agents/{theirAgentId}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/agents/{theirAgentId}")).ReadAsync<JsonElement>();
        Assert.NotEqual("Hijacked", theirView.GetProperty("name").GetString());
    }
}
