using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Templates;

public sealed class When_drafting_templates(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_valid_template_is_stored_as_a_draft_with_its_variable_count()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var template = await response.ReadAsync<JsonElement>();
        Assert.Equal("draft", template.GetProperty("status").GetString());
        Assert.Equal("utility", template.GetProperty("category").GetString());
        Assert.Equal(2, template.GetProperty("bodyParameterCount").GetInt32());
        Assert.Equal(4, template.GetProperty("components").GetArrayLength());
        Assert.False(template.TryGetProperty("providerTemplateId", out _));
    }

    [Fact]
    public async Task Category_in_any_case_is_stored_in_lower_case_and_language_in_Metas_spelling()
    {
        var tenant = await api.CreateTenantAsync();

        var template = await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid(language: "pt-br", category: "Marketing"))).ReadAsync<JsonElement>();

        Assert.Equal("marketing", template.GetProperty("category").GetString());
        Assert.Equal("pt_BR", template.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Component_types_are_stored_in_upper_case()
    {
        var tenant = await api.CreateTenantAsync();
        var body = TemplateBodies.WithComponents("""[{ "type": "body", "text": "Your code is ready, see the app." }]""", "lower_case_types");

        var template = await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", body)).ReadAsync<JsonElement>();

        Assert.Equal("BODY", template.GetProperty("components")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("name", "Order-Confirmation")]
    [InlineData("name", "order confirmation")]
    [InlineData("language", "xx")]
    [InlineData("language", "")]
    [InlineData("category", "promotion")]
    public async Task A_field_Meta_would_refuse_is_refused_by_name_and_nothing_is_stored(string field, string value)
    {
        var tenant = await api.CreateTenantAsync();
        var body = TemplateBodies.Valid();
        body[field] = value;

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", body);

        await AssertRefusedAsync(tenant, response, field);
    }

    [Fact]
    public async Task A_name_longer_than_512_characters_is_refused()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid(name: new string('a', 513)));

        await AssertRefusedAsync(tenant, response, "name");
    }

    public static TheoryData<string, string, string> ComponentsMetaRefuses => new()
    {
        { "no body", """[{ "type": "FOOTER", "text": "Just a footer" }]""", "components" },
        { "no components", "[]", "components" },
        { "unknown component", """[{ "type": "BODY", "text": "Hello there" }, { "type": "SIDEBAR", "text": "x" }]""", "components[1].type" },
        { "two bodies", """[{ "type": "BODY", "text": "Hello there" }, { "type": "BODY", "text": "Again" }]""", "components[1].type" },
        { "body over 1024", $$"""[{ "type": "BODY", "text": "{{new string('a', 1025)}}" }]""", "components[0].text" },
        { "header text over 60", $$"""[{ "type": "HEADER", "format": "TEXT", "text": "{{new string('h', 61)}}" }, { "type": "BODY", "text": "Hello there" }]""", "components[0].text" },
        { "header with two variables", """[{ "type": "HEADER", "format": "TEXT", "text": "{{1}} and {{2}}", "example": { "header_text": ["a", "b"] } }, { "type": "BODY", "text": "Hello there" }]""", "components[0].text" },
        { "header variable without example", """[{ "type": "HEADER", "format": "TEXT", "text": "Order {{1}}" }, { "type": "BODY", "text": "Hello there" }]""", "components[0].example.header_text" },
        { "header format unknown", """[{ "type": "HEADER", "format": "AUDIO" }, { "type": "BODY", "text": "Hello there" }]""", "components[0].format" },
        { "footer over 60", $$"""[{ "type": "BODY", "text": "Hello there" }, { "type": "FOOTER", "text": "{{new string('f', 61)}}" }]""", "components[1].text" },
        { "eleven buttons", $$"""[{ "type": "BODY", "text": "Hello there" }, { "type": "BUTTONS", "buttons": [{{string.Join(", ", Enumerable.Range(1, 11).Select(i => $$"""{ "type": "QUICK_REPLY", "text": "Option {{i}}" }"""))}}] }]""", "components[1].buttons" },
        { "gap in numbering", """[{ "type": "BODY", "text": "Hi {{1}}, order {{3}} shipped.", "example": { "body_text": [["a", "b"]] } }]""", "components[0].text" },
        { "adjacent placeholders", """[{ "type": "BODY", "text": "Hi {{1}}{{2}} today.", "example": { "body_text": [["a", "b"]] } }]""", "components[0].text" },
        { "leading placeholder", """[{ "type": "BODY", "text": "{{1}} is your code.", "example": { "body_text": [["a"]] } }]""", "components[0].text" },
        { "trailing placeholder", """[{ "type": "BODY", "text": "Your code is {{1}}", "example": { "body_text": [["a"]] } }]""", "components[0].text" },
        { "named placeholder", """[{ "type": "BODY", "text": "Hi {{name}}, welcome.", "example": { "body_text": [["a"]] } }]""", "components[0].text" },
        { "placeholder without example", """[{ "type": "BODY", "text": "Hi {{1}}, welcome." }]""", "components[0].example.body_text" },
        { "too few examples", """[{ "type": "BODY", "text": "Hi {{1}}, order {{2}} shipped.", "example": { "body_text": [["Pablo"]] } }]""", "components[0].example.body_text" },
        { "url variable without example", """[{ "type": "BODY", "text": "Hello there" }, { "type": "BUTTONS", "buttons": [{ "type": "URL", "text": "Track", "url": "https://example.com/{{1}}" }] }]""", "components[1].buttons[0].example" },
        { "button text over 25", $$"""[{ "type": "BODY", "text": "Hello there" }, { "type": "BUTTONS", "buttons": [{ "type": "QUICK_REPLY", "text": "{{new string('b', 26)}}" }] }]""", "components[1].buttons[0].text" },
    };

    [Theory]
    [MemberData(nameof(ComponentsMetaRefuses))]
    public async Task Components_Meta_would_refuse_are_refused_naming_the_field(string rule, string componentsJson, string field)
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.WithComponents(componentsJson));

        await AssertRefusedAsync(tenant, response, field, rule);
    }

    [Fact]
    public async Task An_authentication_template_may_leave_the_body_text_to_Meta()
    {
        var tenant = await api.CreateTenantAsync();
        var body = TemplateBodies.WithComponents(
            """
            [{ "type": "BODY", "add_security_recommendation": true },
             { "type": "FOOTER", "code_expiration_minutes": 5 },
             { "type": "BUTTONS", "buttons": [{ "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy Code" }] }]
            """,
            "login_code");
        body["category"] = "AUTHENTICATION";

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_name_and_language_that_exist_answer_409_but_another_language_is_a_new_template()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("welcome", "en_US"));

        var again = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("welcome", "en_US"));
        var spanish = await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("welcome", "es"));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "template_exists");
        Assert.Equal(HttpStatusCode.Created, spanish.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_name_and_status()
    {
        var tenant = await api.CreateTenantAsync();
        await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("shipping_update", "en"));
        await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("shipping_update", "fr"));
        await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("payment_due", "en"));

        var byName = await (await tenant.Admin.GetAsync("/api/v1/templates?name=shipping_update")).ReadAsync<JsonElement[]>();
        var approved = await (await tenant.Admin.GetAsync("/api/v1/templates?status=approved")).ReadAsync<JsonElement[]>();
        var drafts = await (await tenant.Admin.GetAsync("/api/v1/templates?status=draft")).ReadAsync<JsonElement[]>();

        Assert.Equal(["en", "fr"], byName.Select(t => t.GetProperty("language").GetString()));
        Assert.Empty(approved);
        Assert.Equal(3, drafts.Length);
    }

    [Fact]
    public async Task Agents_read_templates_but_cannot_create_or_delete_them()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid())).ReadAsync<JsonElement>()).GetProperty("id").GetString();
        var (_, agent) = await tenant.AddAgentAsync();

        Assert.Single(await (await agent.GetAsync("/api/v1/templates")).ReadAsync<JsonElement[]>());
        await (await agent.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("agent_template"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync($"/api/v1/templates/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PostAsync($"/api/v1/templates/{id}/submit", null)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_api_key_with_templates_write_creates_templates()
    {
        var tenant = await api.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("templates:write");

        var response = await client.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid("from_a_key"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_draft_is_deleted_without_asking_the_provider()
    {
        var tenant = await api.CreateTenantAsync();
        var id = (await (await tenant.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid())).ReadAsync<JsonElement>()).GetProperty("id").GetString();

        var deleted = await tenant.Admin.DeleteAsync($"/api/v1/templates/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await tenant.Admin.GetAsync($"/api/v1/templates/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Another_tenants_channel_cannot_be_named_for_a_template()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirChannel = (await theirs.AddChannelAsync()).GetProperty("id").GetString();
        var body = TemplateBodies.Valid();
        body["channelId"] = theirChannel;

        var response = await mine.Admin.PostAsJsonAsync("/api/v1/templates", body);

        await AssertRefusedAsync(mine, response, "channelId");
    }

    [Fact]
    public async Task Another_tenants_template_answers_404_and_is_unchanged()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirId = (await (await theirs.Admin.PostAsJsonAsync("/api/v1/templates", TemplateBodies.Valid())).ReadAsync<JsonElement>()).GetProperty("id").GetString();

        await (await mine.Admin.GetAsync($"/api/v1/templates/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.PostAsync($"/api/v1/templates/{theirId}/submit", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await mine.Admin.DeleteAsync($"/api/v1/templates/{theirId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var theirView = await (await theirs.Admin.GetAsync($"/api/v1/templates/{theirId}")).ReadAsync<JsonElement>();
        Assert.Equal("draft", theirView.GetProperty("status").GetString());
        Assert.Empty(await (await mine.Admin.GetAsync("/api/v1/templates")).ReadAsync<JsonElement[]>());
    }

    private static async Task AssertRefusedAsync(TenantSession tenant, HttpResponseMessage response, string field, string? rule = null)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{rule ?? field}: errors should name {field}: {errors}");
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/templates")).ReadAsync<JsonElement[]>());
    }
}
