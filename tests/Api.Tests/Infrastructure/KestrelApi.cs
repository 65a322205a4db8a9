using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>
/// The Api on real Kestrel on a loopback port rather than the in-memory test server, for what only a
/// real server enforces (request body size limits, streaming of large bodies). Clients made here talk
/// to it over TCP; <see cref="ApiFactory"/>'s own helpers assume the in-memory server, so the tenant
/// and agent helpers are repeated here against the real address.
/// </summary>
public sealed class KestrelApi : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        // Not UseKestrel(0): it rewrites the addresses after the app started its server, racing
        // with Kestrel's bind (dotnet/aspnetcore#67714).
        Api.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Api.StartServer();
        var addresses = Api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        Api.ClientOptions.BaseAddress = Address;
    }

    public Task DisposeAsync() => Api.DisposeAsync();

    /// <summary>A client with no credentials that keeps the cookies it is given.</summary>
    public HttpClient Anonymous() => Api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Address, HandleCookies = true });

    public async Task<TenantSession> CreateTenantAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        var operatorClient = Anonymous();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.OperatorKey);
        var created = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { name = "Tenant " + Guid.NewGuid().ToString("N")[..6], adminEmail = email, adminPassword = ApiFactory.Password });
        var tenant = await created.ReadAsync<IdOnly>();
        return new TenantSession(Api, tenant.Id, await SignInAsync(email), email);
    }

    /// <summary>Adds an agent to the tenant and answers a client signed in as that agent.</summary>
    public async Task<HttpClient> AddAgentAsync(TenantSession tenant)
    {
        var email = $"agent-{Guid.NewGuid():N}@example.test";
        (await tenant.Admin.PostAsJsonAsync("/api/v1/agents", new { email, name = "Agent", password = ApiFactory.Password })).EnsureSuccessStatusCode();
        return await SignInAsync(email);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = Anonymous();
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ApiFactory.Password })).EnsureSuccessStatusCode();
        return client;
    }

    private sealed record IdOnly(string Id);
}
