using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Switchboard.Testing;

namespace Switchboard.Api.Tests.Infrastructure;

/// <summary>
/// The Api in-process over its own fresh database and a Redis prefix of its own, both on the real
/// test servers, with a real Orleans silo (also in-process) for its grains, in a cluster of their
/// own. One per test class (a class fixture); tenants keep tests apart.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private InProcessSilo? silo;

    public const string OperatorKey = "test-operator-key";
    public const string Password = "correct-horse-battery";

    public PostgresDatabase Database { get; } = new();

    public string RedisPrefix { get; } = "api-" + Guid.NewGuid().ToString("N")[..8] + ":";

    public Dictionary<string, string?> Settings { get; } = [];

    public string ClusterId { get; } = "api-tests-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The silo's services (its grain factory, its stores).</summary>
    public IServiceProvider Silo => silo?.Services ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        silo = await InProcessSilo.StartAsync(AllSettings());
    }

    /// <summary>Stops the cluster's only silo: the Api is left with no grain to call.</summary>
    public async Task StopSiloAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
            silo = null;
        }
    }

    /// <summary>Starts a new silo in the same cluster.</summary>
    public async Task StartSiloAsync() => silo ??= await InProcessSilo.StartAsync(AllSettings());

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in AllSettings())
        {
            builder.UseSetting(key, value);
        }
    }

    private Dictionary<string, string?> AllSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = Database.ConnectionString,
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = RedisPrefix,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = "switchboard",
            ["Operator:Key"] = OperatorKey,
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        return settings;
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
