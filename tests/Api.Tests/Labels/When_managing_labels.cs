using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Labels;

public sealed class When_managing_labels(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_admin_creates_a_label_that_every_agent_sees()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        var created = await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "VIP", color = "#ff8800" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = Assert.Single(await (await agent.GetAsync("/api/v1/labels")).ReadAsync<JsonElement[]>());
        Assert.Equal("VIP", listed.GetProperty("name").GetString());
        Assert.Equal("#FF8800", listed.GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_name_already_used_in_another_case_answers_409_label_exists()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "Billing", color = "#112233" });

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "BILLING", color = "#445566" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "label_exists");
        Assert.Single(await (await tenant.Admin.GetAsync("/api/v1/labels")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task Renaming_onto_another_labels_name_answers_409_and_changes_nothing()
    {
        var tenant = await api.CreateTenantAsync();
        await CreateAsync(tenant, "Sales");
        var id = await CreateAsync(tenant, "Support");

        var response = await tenant.Admin.PatchAsJsonAsync($"/api/v1/labels/{id}", new { name = "sales" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "label_exists");
        Assert.Equal("Support", (await (await tenant.Admin.GetAsync($"/api/v1/labels/{id}")).ReadAsync<JsonElement>()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_same_name_may_exist_in_two_tenants()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        await CreateAsync(theirs, "Urgent");

        var response = await mine.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "Urgent", color = "#000000" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345")]
    [InlineData("#GGGGGG")]
    [InlineData("123456")]
    public async Task A_colour_that_is_not_hash_RRGGBB_is_refused_and_nothing_is_created(string color)
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = "Coloured", color });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("color", out _));
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/labels")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task A_label_needs_a_name()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name = " ", color = "#000000" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Agents_cannot_create_change_or_delete_labels()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant, "Locked");
        var (_, agent) = await tenant.AddAgentAsync();

        await (await agent.PostAsJsonAsync("/api/v1/labels", new { name = "Mine", color = "#000000" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PatchAsJsonAsync($"/api/v1/labels/{id}", new { name = "Mine" })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync($"/api/v1/labels/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Renaming_a_label_renames_it_on_the_contacts_that_carry_it()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant, "vip");
        var contact = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900201", labels = new[] { "new", "VIP" } })).ReadAsync<JsonElement>();

        await tenant.Admin.PatchAsJsonAsync($"/api/v1/labels/{id}", new { name = "Gold" });

        var labels = await LabelsOfAsync(tenant, contact.GetProperty("id").GetString()!);
        Assert.Equal(["new", "Gold"], labels);
    }

    [Fact]
    public async Task Deleting_a_label_removes_it_from_the_contacts_that_carry_it()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant, "Churned");
        var contact = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900202", labels = new[] { "churned", "b2b" } })).ReadAsync<JsonElement>();

        var deleted = await tenant.Admin.DeleteAsync($"/api/v1/labels/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["b2b"], await LabelsOfAsync(tenant, contact.GetProperty("id").GetString()!));
        await (await tenant.Admin.GetAsync($"/api/v1/labels/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_tenants_label_answers_404_and_is_unchanged()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = await CreateAsync(theirs, "Theirs");

        await (await mine.Admin.GetAsync($"/api/v1/labels/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PatchAsJsonAsync($"/api/v1/labels/{theirId}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.DeleteAsync($"/api/v1/labels/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/labels/{theirId}")).ReadAsync<JsonElement>();
        Assert.Equal("Theirs", theirView.GetProperty("name").GetString());
        Assert.Empty(await (await mine.Admin.GetAsync("/api/v1/labels")).ReadAsync<JsonElement[]>());
    }

    private static async Task<string> CreateAsync(TenantSession tenant, string name)
    {
        var label = await (await tenant.Admin.PostAsJsonAsync("/api/v1/labels", new { name, color = "#336699" })).ReadAsync<JsonElement>();
        return label.GetProperty("id").GetString()!;
    }

    private static async Task<string[]> LabelsOfAsync(TenantSession tenant, string contactId)
    {
        var contact = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{contactId}")).ReadAsync<JsonElement>();
        return contact.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
    }
}
