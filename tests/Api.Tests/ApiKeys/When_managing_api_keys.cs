using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Switchboard.Api.Tests.Infrastructure;

namespace Switchboard.Api.Tests.ApiKeys;

public sealed class When_managing_api_keys(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_new_key_is_shown_once_in_the_sbk_format_with_its_signing_secret()
    {
        var tenant = await api.CreateTenantAsync();

        var key = await tenant.CreateApiKeyAsync("contacts:read");

        Assert.StartsWith("sbk_", key.Key);
        Assert.Equal(32, Convert.FromBase64String(Base64UrlToBase64(key.Key["sbk_".Length..])).Length);
        Assert.Equal(key.Key[..12], key.Prefix);
        Assert.False(string.IsNullOrEmpty(key.SigningSecret));
        Assert.Equal(["contacts:read"], key.Scopes);
    }

    [Fact]
    public async Task A_key_authenticates_as_a_bearer_token()
    {
        var tenant = await api.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("contacts:read");

        var response = await client.GetAsync("/api/v1/contacts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_hash_of_a_key_is_stored()
    {
        var tenant = await api.CreateTenantAsync();
        var key = await tenant.CreateApiKeyAsync("contacts:read");

        await using var connection = await api.Database.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(byte[] Hash, string Prefix)>(
            "select key_hash, key_prefix from api_keys where tenant_id = @TenantId and id = @Id", new { tenant.TenantId, key.Id });
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(key.Key)), row.Hash);
        var everything = await connection.QuerySingleAsync<string>(
            "select row_to_json(k)::text from api_keys k where tenant_id = @TenantId and id = @Id", new { tenant.TenantId, key.Id });
        Assert.DoesNotContain(key.Key, everything);
    }

    [Fact]
    public async Task The_list_shows_keys_by_prefix_without_secrets()
    {
        var tenant = await api.CreateTenantAsync();
        var key = await tenant.CreateApiKeyAsync("templates:read", "messages:send");

        var body = await (await tenant.Admin.GetAsync("/api/v1/api-keys")).Content.ReadAsStringAsync();

        var listed = Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateArray());
        Assert.Equal(key.Id, listed.GetProperty("id").GetString());
        Assert.Equal(key.Prefix, listed.GetProperty("prefix").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.False(listed.TryGetProperty("signingSecret", out _));
        Assert.DoesNotContain(key.Key, body);
        Assert.DoesNotContain(key.SigningSecret, body);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401()
    {
        var tenant = await api.CreateTenantAsync();
        var key = await tenant.CreateApiKeyAsync("contacts:read");

        var revoke = await tenant.Admin.DeleteAsync($"/api/v1/api-keys/{key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await (await api.WithApiKey(key.Key).GetAsync("/api/v1/contacts")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_key_without_the_scope_an_endpoint_requires_gets_403()
    {
        var tenant = await api.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("templates:read");

        var response = await client.GetAsync("/api/v1/contacts");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_scope_is_refused_and_no_key_is_created()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "bad", scopes = new[] { "contacts:read", "everything" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("scopes", out _));
        Assert.Empty(await (await tenant.Admin.GetAsync("/api/v1/api-keys")).ReadAsync<JsonElement[]>());
    }

    [Fact]
    public async Task A_key_needs_a_name_and_at_least_one_scope()
    {
        var tenant = await api.CreateTenantAsync();

        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "", scopes = Array.Empty<string>() });

        var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("scopes", out _));
    }

    [Fact]
    public async Task Agents_cannot_manage_keys()
    {
        var tenant = await api.CreateTenantAsync();
        var (_, agent) = await tenant.AddAgentAsync();

        await (await agent.GetAsync("/api/v1/api-keys")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PostAsJsonAsync("/api/v1/api-keys", new { name = "mine", scopes = new[] { "contacts:read" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_key_cannot_create_keys()
    {
        var tenant = await api.CreateTenantAsync();
        var client = await tenant.ApiKeyClientAsync("contacts:write");

        var response = await client.PostAsJsonAsync("/api/v1/api-keys", new { name = "escalation", scopes = new[] { "contacts:write" } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Another_tenants_key_answers_404_and_keeps_working()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var theirKey = await theirs.CreateApiKeyAsync("contacts:read");

        await (await mine.Admin.DeleteAsync($"/api/v1/api-keys/{theirKey.Id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        Assert.DoesNotContain(await (await mine.Admin.GetAsync("/api/v1/api-keys")).ReadAsync<JsonElement[]>(), k => k.GetProperty("id").GetString() == theirKey.Id);
        Assert.Equal(HttpStatusCode.OK, (await api.WithApiKey(theirKey.Key).GetAsync("/api/v1/contacts")).StatusCode);
    }

    [Fact]
    public async Task A_key_sees_only_its_own_tenant()
    {
        var mine = await api.CreateTenantAsync();
        var theirs = await api.CreateTenantAsync();
        var contact = await (await theirs.Admin.PostAsJsonAsync("/api/v1/contacts", new { phoneNumber = "+447700900001" })).ReadAsync<JsonElement>();
        var client = await mine.ApiKeyClientAsync("contacts:read");

        var response = await client.GetAsync($"/api/v1/contacts/{contact.GetProperty("id").GetString()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static string Base64UrlToBase64(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
    }
}
