using System.Net.Http.Json;
using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>
/// The product as ./run starts it, from the Release builds: Api node A, two silos in one Orleans cluster, and later Api
/// node B, over a fresh database and a Redis prefix of their own; a tenant and its WhatsApp
/// channel seeded through the public API, and an admin's session for the screen. No emulator:
/// inbound text messages make no provider calls, and the load generator plays Meta.
/// </summary>
public sealed class ProductCluster : IAsyncDisposable
{
    private const string OperatorKey = "bench-operator-key";
    private const string Email = "admin@bench.test";
    private const string Password = "bench-password-123";

    private readonly List<ChildProcess> processes = [];
    private ConsoleSession session = null!;
    private Dictionary<string, string> settings = [];

    public PostgresDatabase Database { get; } = new();

    public ChildProcess ApiA { get; private set; } = null!;

    public ChildProcess? ApiB { get; private set; }

    public IReadOnlyList<ChildProcess> Silos { get; private set; } = [];

    public string Cookie => session.Cookie;

    public static async Task<ProductCluster> StartAsync()
    {
        var cluster = new ProductCluster();
        await cluster.Database.InitializeAsync();
        cluster.settings = new Dictionary<string, string>
        {
            ["Postgres:ConnectionString"] = ServerPool.ConnectionString(cluster.Database),
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = TestEnvironment.RedisConfiguration,
            ["Redis:Prefix"] = "bench-" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Orleans:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ["Operator:Key"] = OperatorKey,
        };

        var starting = new[]
        {
            ChildProcess.StartAsync("api-a", ChildProcess.Build("src", "Api"), cluster.settings, "/readyz"),
            ChildProcess.StartAsync("silo-1", ChildProcess.Build("src", "Silo"), SiloSettings(cluster.settings), "/readyz"),
            ChildProcess.StartAsync("silo-2", ChildProcess.Build("src", "Silo"), SiloSettings(cluster.settings), "/readyz"),
        };
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            cluster.processes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        cluster.ApiA = starting[0].Result;
        cluster.Silos = [starting[1].Result, starting[2].Result];
        await cluster.SeedAsync();
        return cluster;
    }

    /// <summary>A silo's settings: the cluster's, and ports of its own for other silos and for clients.</summary>
    public static Dictionary<string, string> SiloSettings(IReadOnlyDictionary<string, string> cluster) => new(cluster)
    {
        ["Orleans:Endpoints:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task StartSecondApiAsync()
    {
        ApiB = await ChildProcess.StartAsync("api-b", ChildProcess.Build("src", "Api"), settings, "/readyz");
        processes.Add(ApiB);
    }

    public IReadOnlyList<Uri> WebhookTargets =>
        (ApiB is null ? [ApiA] : new[] { ApiA, ApiB }).Select(a => new Uri(a.BaseAddress, "/webhooks/whatsapp")).ToList();

    public IReadOnlyList<IServerProcess> Servers => [.. processes];

    public Task<IReadOnlyList<string>> ConversationIdsAsync() => session.ConversationIdsAsync();

    public async ValueTask DisposeAsync()
    {
        session?.Dispose();
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        using (var operatorHttp = new HttpClient { BaseAddress = ApiA.BaseAddress })
        {
            operatorHttp.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
            var tenant = await operatorHttp.PostAsJsonAsync("/api/v1/tenants", new { name = "Bench", adminEmail = Email, adminPassword = Password });
            await ConsoleSession.EnsureAsync(tenant, "creating the tenant");
        }

        session = await ConsoleSession.SignInAsync(ApiA.BaseAddress, Email, Password);
        await ConsoleSession.EnsureAsync(await session.Http.PostAsJsonAsync("/api/v1/channels", new
        {
            type = "whatsapp",
            name = "Bench line",
            displayPhoneNumber = "+" + BenchChannel.DisplayPhoneNumber,
            phoneNumberId = BenchChannel.PhoneNumberId,
            wabaId = BenchChannel.WabaId,
            accessToken = "bench-access-token",
            appSecret = BenchChannel.AppSecret,
            verifyToken = "bench-verify",

            // Nothing in the inbound path calls the provider; a closed port makes any call that did visible in the logs.
            graphBaseUrl = "http://127.0.0.1:9",
        }), "creating the channel");
    }
}
