using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>
/// The Api in-process over its own fresh database and a Redis prefix of its own, both on
/// the real test servers. One per test class (a class fixture); tenants keep tests apart.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key";
    public const string Password = "correct-horse-battery";

    public PostgresDatabase Database { get; } = new();

    public string RedisPrefix { get; } = "api-" + Guid.NewGuid().ToString("N")[..8] + ":";

    public Dictionary<string, string?> Settings { get; } = [];

    public async Task InitializeAsync() => await Database.InitializeAsync();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Postgres:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Postgres:MigrateOnStart", "false");
        builder.UseSetting("Redis:Configuration", TestEnvironment.RedisConfiguration);
        builder.UseSetting("Redis:Prefix", RedisPrefix);
        builder.UseSetting("Operator:Key", OperatorKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    /// <summary>Creates a tenant through the operator endpoint and signs its admin in.</summary>
    public async Task<TenantSession> CreateTenantAsync(string? name = null)
    {
        name ??= "Tenant " + Guid.NewGuid().ToString("N")[..6];
        var email = $"admin-{Guid.NewGuid():N}@example.test";
        var operatorClient = Anonymous();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        var created = await operatorClient.PostAsJsonAsync("/api/v1/tenants", new { name, adminEmail = email, adminPassword = Password });
        created.EnsureSuccessStatusCode();
        var tenant = (await created.Content.ReadFromJsonAsync<TenantCreated>())!;
        var admin = await SignInAsync(email, Password);
        return new TenantSession(this, tenant.Id, admin, email);
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        return client;
    }

    private sealed record TenantCreated(string Id, string Name);
}
