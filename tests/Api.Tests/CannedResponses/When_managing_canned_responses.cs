using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.CannedResponses;

public sealed class When_managing_canned_responses(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_saves_a_reply_that_agents_can_read()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode = "greeting", content = "Hello! How can we help?" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = Assert.Single(await (await agent.GetAsync("/api/v1/canned-responses")).ReadAsync<JsonElement[]>());
        Assert.Equal("greeting", listed.GetProperty("shortCode").GetString());
        Assert.Equal("Hello! How can we help?", listed.GetProperty("content").GetString());
    }

    [Fact]
    public async Task The_list_narrows_to_short_codes_starting_with_the_query()
    {
        var tenant = await api.CreateTenantAsync();
        await CreateAsync(tenant, "refund-policy");
        await CreateAsync(tenant, "refund_status");
        await CreateAsync(tenant, "hours");

        var listed = await (await tenant.Admin.GetAsync("/api/v1/canned-responses?q=/REF")).ReadAsync<JsonElement[]>();

        Assert.Equal(["refund-policy", "refund_status"], listed.Select(r => r.GetProperty("shortCode").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/code")]
    [InlineData("")]
    public async Task A_short_code_with_other_than_letters_digits_underscore_or_dash_is_refused(string shortCode)
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode, content = "Text" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("shortCode", out _));
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/canned-responses")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task Content_longer_than_4096_characters_is_refused_and_nothing_is_created()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode = "long", content = new string('x', 4097) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("content", out _));
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/canned-responses")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task A_short_code_in_use_in_another_case_answers_409()
    {
        var tenant = await api.CreateTenantAsync();
        await CreateAsync(tenant, "thanks");

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode = "THANKS", content = "Other" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "canned_response_exists");
    }

    [Fact]
    public async Task An_admin_edits_and_deletes_a_reply()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant, "bye");

        var updated = await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/canned-responses/{id}", new { content = "Goodbye, and thanks!" })).ReadAsync<JsonElement>();
        var deleted = await tenant.Admin.DeleteAsync($"/api/v1/canned-responses/{id}");

        Assert.Equal("bye", updated.GetProperty("shortCode").GetString());
        Assert.Equal("Goodbye, and thanks!", updated.GetProperty("content").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/canned-responses")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task Agents_cannot_write_replies()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant, "locked");
        var (_, agent) = await tenant.AddAgentAsync();

        await (await agent.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode = "mine", content = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PatchAsJsonAsync($"/api/v1/canned-responses/{id}", new { content = "x" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync($"/api/v1/canned-responses/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Another_tenants_reply_answers_404_and_is_unchanged()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = await CreateAsync(theirs, "theirs");

        await (await mine.Admin.GetAsync($"/api/v1/canned-responses/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PatchAsJsonAsync($"/api/v1/canned-responses/{theirId}", new { content = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.DeleteAsync($"/api/v1/canned-responses/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/canned-responses/{theirId}")).ReadAsync<JsonElement>();
        Assert.Equal("Reply for theirs", theirView.GetProperty("content").GetString());
        Assert.Empty(await (await mine.Admin.GetAsync("/api/v1/canned-responses")).ReadAsync<JsonElement[]>());
    }

    private static async Task<string> CreateAsync(TenantSession tenant, string shortCode)
    {
        var response = await (await tenant.Admin.PostAsJsonAsync("/api/v1/canned-responses", new { shortCode, content = $"Reply for {shortCode}" })).ReadAsync<JsonElement>();
        return response.GetProperty("id").GetString()!;
    }
}
