using System.Net.Http.Json;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>A tenant made for one test, with its admin signed in.</summary>
public sealed record TenantSession(ApiFactory Factory, string TenantId, HttpClient Admin, string AdminEmail)
{
    /// <summary>Adds an agent and returns its id and a signed-in client.</summary>
    public async Task<(string Id, HttpClient Client)> AddAgentAsync(string role = "agent", string? name = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@example.test";
        var response = await Admin.PostAsJsonAsync("/api/v1/agents", new { email, name = name ?? "Agent " + email[..10], password = ApiFactory.Password, role });
        response.EnsureSuccessStatusCode();
        var agent = (await response.Content.ReadFromJsonAsync<IdOnly>())!;
        return (agent.Id, await Factory.SignInAsync(email, ApiFactory.Password));
    }

    private sealed record IdOnly(string Id);
}
