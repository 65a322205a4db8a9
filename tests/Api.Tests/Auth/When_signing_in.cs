using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.Auth;

public sealed class When_signing_in(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Creating_a_tenant_without_the_operator_key_is_refused()
    {
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/tenants", new { name = "X", adminEmail = "x@example.test", adminPassword = ApiFactory.Password });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_operator_creates_a_tenant_whose_admin_can_sign_in()
    {
        var tenant = await api.CreateTenantAsync("Acme");

        var me = await (await tenant.Admin.GetAsync("/api/v1/me")).ReadAsync<JsonElement>();
        Assert.Equal(tenant.TenantId, me.GetProperty("tenantId").GetString());
        Assert.Equal("Acme", me.GetProperty("tenantName").GetString());
        Assert.Equal("admin", me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_second_tenant_with_the_same_admin_email_is_refused_as_email_taken()
    {
        var tenant = await api.CreateTenantAsync();
        var operatorClient = api.Anonymous();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.OperatorKey);

        var response = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { name = "Copy", adminEmail = tenant.AdminEmail, adminPassword = ApiFactory.Password });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var tenant = await api.CreateTenantAsync();

        var wrongPassword = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = tenant.AdminEmail, password = "not-the-password" });
        var unknownEmail = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.test", password = "not-the-password" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_session_the_api_answers_401_not_a_redirect()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task After_logout_the_session_no_longer_works()
    {
        var tenant = await api.CreateTenantAsync();

        (await tenant.Admin.PostAsync("/api/v1/auth/logout", null)).EnsureSuccessStatusCode();

        await (await tenant.Admin.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Malformed_json_gets_a_validation_problem()
    {
        var content = new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await api.Anonymous().PostAsync("/api/v1/auth/login", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
    }
}
