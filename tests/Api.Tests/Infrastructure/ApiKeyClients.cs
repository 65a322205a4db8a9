using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>API keys for tests: an admin creates one, and a client calls with it as a bearer token.</summary>
public static class ApiKeyClients
{
    public sealed record CreatedKey(string Id, string Name, string Prefix, string[] Scopes, string Key, string SigningSecret);

    public static async Task<CreatedKey> CreateApiKeyAsync(this TenantSession tenant, params string[] scopes)
    {
        var response = await tenant.Admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "test key", scopes });
        return await response.ReadAsync<CreatedKey>();
    }

    /// <summary>A client that sends <c>Authorization: Bearer &lt;key&gt;</c> and no cookie.</summary>
    public static HttpClient WithApiKey(this ApiFactory api, string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<HttpClient> ApiKeyClientAsync(this TenantSession tenant, params string[] scopes) =>
        tenant.Factory.WithApiKey((await tenant.CreateApiKeyAsync(scopes)).Key);
}
