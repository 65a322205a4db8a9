using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;
using Switchboard.Grains.Identity;

namespace Switchboard.Api.Tests.Contacts;

public sealed class When_managing_contacts(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_contact_gets_the_id_derived_from_its_tenant_and_number()
    {
        var tenant = await api.CreateTenantAsync();

        var contact = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900123", name = "Ann Smith" })).ReadAsync<JsonElement>();

        Assert.Equal(Ids.Contact(tenant.TenantId, "+447700900123"), contact.GetProperty("id").GetString());
        Assert.Equal("Ann Smith", contact.GetProperty("name").GetString());
        Assert.False(contact.GetProperty("optedOut").GetBoolean());
    }

    [Fact]
    public async Task A_number_written_with_spaces_and_dashes_is_stored_in_E164()
    {
        var tenant = await api.CreateTenantAsync();

        var contact = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+44 (7700) 900-124" })).ReadAsync<JsonElement>();

        Assert.Equal("+447700900124", contact.GetProperty("phoneNumber").GetString());
        Assert.Equal(Ids.Contact(tenant.TenantId, "+447700900124"), contact.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("07700900123")]
    [InlineData("447700900123")]
    [InlineData("+0447700900")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("+44 7700 CALL ME")]
    [InlineData("")]
    public async Task A_number_not_in_E164_is_refused_with_invalid_phone_number_and_nothing_is_stored(string phoneNumber)
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber, name = "Nobody" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_phone_number");
        Assert.True(problem.GetProperty("errors").TryGetProperty("phoneNumber", out _));
        Assert.Empty((await ListAsync(tenant.Admin, "")).Items);
    }

    [Fact]
    public async Task Creating_a_number_that_exists_answers_409_contact_exists_with_its_id()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900125", name = "First" });

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900125", name = "Second" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "contact_exists");
        Assert.Equal(Ids.Contact(tenant.TenantId, "+447700900125"), problem.GetProperty("id").GetString());
        var contact = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{problem.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        Assert.Equal("First", contact.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_note_longer_than_500_characters_is_refused_and_nothing_is_stored()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900126", note = new string('x', 501) });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("note", out _));
        await (await tenant.Admin.GetAsync($"/api/v1/contacts/{Ids.Contact(tenant.TenantId, "+447700900126")}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_agent_updates_name_note_labels_and_opt_out()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();
        var id = await CreateAsync(tenant.Admin, "+447700900127", "Old name");

        var updated = await (await agent.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { name = "New name", note = "Prefers mornings", labels = new[] { "vip", "VIP", " billing " }, optedOut = true }))
            .ReadAsync<JsonElement>();

        Assert.Equal("New name", updated.GetProperty("name").GetString());
        Assert.Equal("Prefers mornings", updated.GetProperty("note").GetString());
        Assert.Equal(["vip", "billing"], updated.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.True(updated.GetProperty("optedOut").GetBoolean());
    }

    [Fact]
    public async Task An_empty_note_clears_it_and_absent_fields_stay()
    {
        var tenant = await api.CreateTenantAsync();
        var created = await (await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900128", name = "Keeps", note = "Temporary", labels = new[] { "vip" } }))
            .ReadAsync<JsonElement>();

        var updated = await (await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{created.GetProperty("id").GetString()}", new { note = "" })).ReadAsync<JsonElement>();

        Assert.False(updated.TryGetProperty("note", out _));
        Assert.Equal("Keeps", updated.GetProperty("name").GetString());
        Assert.Equal(["vip"], updated.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task A_contacts_number_cannot_change()
    {
        var tenant = await api.CreateTenantAsync();
        var id = await CreateAsync(tenant.Admin, "+447700900129", "Fixed");

        var response = await tenant.Admin.PatchAsJsonAsync($"/api/v1/contacts/{id}", new { phoneNumber = "+447700900999", name = "Moved" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("phoneNumber", out _));
        var contact = await (await tenant.Admin.GetAsync($"/api/v1/contacts/{id}")).ReadAsync<JsonElement>();
        Assert.Equal("Fixed", contact.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_finds_contacts_by_the_start_of_a_name()
    {
        var tenant = await api.CreateTenantAsync();
        await CreateAsync(tenant.Admin, "+447700900130", "Annabel Lee");
        await CreateAsync(tenant.Admin, "+447700900131", "Bob Stone");

        var page = await ListAsync(tenant.Admin, "?q=anna");

        Assert.Equal(["Annabel Lee"], page.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task Search_finds_contacts_by_any_part_of_the_number()
    {
        var tenant = await api.CreateTenantAsync();
        await CreateAsync(tenant.Admin, "+447700900132", "Carol");
        await CreateAsync(tenant.Admin, "+15550100200", "Dan");

        var page = await ListAsync(tenant.Admin, "?q=" + Uri.EscapeDataString("900 132"));

        Assert.Equal(["Carol"], page.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task The_list_filters_by_label_regardless_of_case()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900133", name = "Eve", labels = new[] { "vip" } });
        await CreateAsync(tenant.Admin, "+447700900134", "Frank");

        var page = await ListAsync(tenant.Admin, "?label=VIP");

        Assert.Equal(["Eve"], page.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_through_every_contact_once_in_name_order()
    {
        var tenant = await api.CreateTenantAsync();
        var names = new[] { "Gina", "alice", "Hugo", "Bea", "Ivan" };
        for (var i = 0; i < names.Length; i++)
        {
            await CreateAsync(tenant.Admin, $"+44770090014{i}", names[i]);
        }

        var seen = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(tenant.Admin, "?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(c => c.Name));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(["alice", "Bea", "Gina", "Hugo", "Ivan"], seen);
    }

    [Fact]
    public async Task A_cursor_the_api_did_not_give_is_refused()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.GetAsync("/api/v1/contacts?cursor=!!not-a-cursor!!");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Another_tenants_contact_answers_404_and_is_unchanged()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = await CreateAsync(theirs.Admin, "+447700900150", "Theirs");

        await (await mine.Admin.GetAsync($"/api/v1/contacts/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PatchAsJsonAsync($"/api/v1/contacts/{theirId}", new { name = "Hijacked" })).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/contacts/{theirId}")).ReadAsync<JsonElement>();
        Assert.Equal("Theirs", theirView.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_same_number_is_a_different_contact_in_each_tenant_and_search_never_crosses()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = await CreateAsync(theirs.Admin, "+447700900151", "Shared number");

        var myId = await CreateAsync(mine.Admin, "+447700900151", "Mine");

        Assert.NotEqual(theirId, myId);
        Assert.Equal(["Mine"], (await ListAsync(mine.Admin, "?q=900151")).Items.Select(c => c.Name));
        Assert.Empty((await ListAsync(mine.Admin, "?q=shared")).Items);
    }

    [Fact]
    public async Task An_api_key_with_contacts_write_creates_contacts()
    {
        var tenant = await api.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("contacts:write");

        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900152" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from contacts where tenant_id = @TenantId", new { tenant.TenantId }));
    }

    private static async Task<string> CreateAsync(HttpClient client, string phoneNumber, string name)
    {
        var contact = await (await client.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber, name })).ReadAsync<JsonElement>();
        return contact.GetProperty("id").GetString()!;
    }

    private static async Task<Page> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync("/api/v1/contacts" + query)).ReadAsync<Page>();

    private sealed record Contact(string Id, string PhoneNumber, string? Name);

    private sealed record Page(List<Contact> Items, string? NextCursor);
}
