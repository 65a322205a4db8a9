using System.Net.Http.Json;
using System.Text.Json;
using Switchboard.Testing;

namespace Switchboard.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The run command's topology, started from the build as real processes: the WhatsApp emulator,
/// two Api nodes (A and B), two silos, over a fresh PostgreSQL database and a Redis prefix of
/// their own. A demo tenant with an admin and an agent, a WhatsApp number registered in the
/// emulator (whose webhooks go to node B) and an approved template are seeded through the
/// public API. Shared by every end-to-end test; tests keep apart by using their own customers.
/// </summary>
public class ClusterFixture : IAsyncLifetime
{
    public const string OperatorKey = "e2e-operator-key";
    public const string Password = "e2e-password-123";
    public const string PhoneNumberId = "109000000000001";
    public const string WabaId = "209000000000001";
    public const string AppSecret = "e2e-app-secret";
    public const string AccessToken = "e2e-access-token";
    public const string TemplateName = "order_update";

    private readonly List<ServiceProcess> processes = [];
    private int nextCustomer;

    public PostgresDatabase Database { get; } = new();

    public ServiceProcess Emulator { get; private set; } = null!;

    public ServiceProcess ApiA { get; private set; } = null!;

    public ServiceProcess ApiB { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Silos { get; private set; } = [];

    public EmulatorControl Customers { get; private set; } = null!;

    public string TenantId { get; private set; } = "";

    public string ChannelId { get; private set; } = "";

    public string AdminEmail { get; } = "admin@e2e.test";

    public string AgentEmail { get; } = "agent@e2e.test";

    public string AgentId { get; private set; } = "";

    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    /// <summary>A wa_id no other test uses, so each test has its own conversation.</summary>
    public string NewCustomer() => $"1555{Environment.ProcessId % 1000:000}{Interlocked.Increment(ref nextCustomer):0000}";

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var settings = new Dictionary<string, string>
        {
            ["Postgres:ConnectionString"] = Database.ConnectionString,
            ["Postgres:MigrateOnStart"] = "false",
            ["Redis:Configuration"] = await RedisConfigurationAsync(),
            ["Redis:Prefix"] = "e2e-" + Guid.NewGuid().ToString("N")[..8] + ":",
            ["Orleans:ClusterId"] = "e2e-" + Guid.NewGuid().ToString("N")[..8],
            ["Operator:Key"] = OperatorKey,
        };
        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        Settings = settings;

        var starting = new List<Task<ServiceProcess>>
        {
            ServiceProcess.StartAsync("Emulator", new Dictionary<string, string>(), "emulator"),
            ServiceProcess.StartAsync("Api", Settings, "api-a", readyPath: "/readyz"),
            ServiceProcess.StartAsync("Api", Settings, "api-b", readyPath: "/readyz"),
            ServiceProcess.StartAsync("Silo", SiloSettings(), "silo-1", readyPath: "/readyz"),
            ServiceProcess.StartAsync("Silo", SiloSettings(), "silo-2", readyPath: "/readyz"),
        };
        ServiceProcess[] started;
        try
        {
            started = await Task.WhenAll(starting);
        }
        catch
        {
            // Whatever did start is stopped with the fixture; the failure itself propagates.
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                processes.Add(await task);
            }

            throw;
        }

        processes.AddRange(started);
        (Emulator, ApiA, ApiB) = (started[0], started[1], started[2]);
        Silos = [started[3], started[4]];
        await SeedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    /// <summary>
    /// Kills one of the cluster's nodes with SIGKILL (a crash: no shutdown, nothing flushed) and
    /// starts it again on the same port with the same settings, as a supervisor would.
    /// </summary>
    public async Task<ServiceProcess> CrashAndRestartAsync(ServiceProcess node)
    {
        // The emulator keeps Meta's side in memory: restarting it would be a different fault.
        ArgumentOutOfRangeException.ThrowIfEqual(node.Project, "Emulator");
        node.Kill();
        var restarted = await ServiceProcess.StartAsync(node.Project, node.Settings, node.Name + "-restarted", node.Port, readyPath: "/readyz");
        processes[processes.IndexOf(node)] = restarted;
        await node.DisposeAsync();
        ApiA = node == ApiA ? restarted : ApiA;
        ApiB = node == ApiB ? restarted : ApiB;
        Silos = [.. Silos.Select(silo => silo == node ? restarted : silo)];
        return restarted;
    }

    /// <summary>A silo's own settings: the cluster's, and ports of its own for silos and clients, kept across its restarts.</summary>
    private Dictionary<string, string> SiloSettings() => new(Settings)
    {
        ["Orleans:Endpoints:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:Endpoints:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Settings a fixture adds for every Api and Silo node.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings() => [];

    /// <summary>The Redis the cluster uses: the shared test server, unless a fixture brings its own.</summary>
    protected virtual Task<string> RedisConfigurationAsync() => Task.FromResult(TestEnvironment.RedisConfiguration);

    public Task<ApiSession> SignInAsync(ServiceProcess node, string? email = null) =>
        ApiSession.SignInAsync(node.BaseAddress, email ?? AdminEmail, Password);

    /// <summary>A new customer writes to the seeded number; answers their wa_id and the conversation the Api made of it.</summary>
    public async Task<(string WaId, string ConversationId)> NewConversationAsync(ApiSession session, string opening, string name = "Customer")
    {
        var waId = NewCustomer();
        await Customers.CustomerSendsTextAsync(waId, opening, name);
        return (waId, await ConversationOfAsync(session, waId));
    }

    /// <summary>The conversation id for a customer of the seeded number, once the Api has it.</summary>
    public async Task<string> ConversationOfAsync(ApiSession session, string waId)
    {
        var conversation = await Eventually.ValueAsync(
            async () => (await session.GetJsonAsync($"/api/v1/conversations?q=%2B{waId}")).GetProperty("items").EnumerateArray().FirstOrDefault(),
            c => c.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(15),
            $"the conversation with {waId}");
        return conversation.GetProperty("id").GetString()!;
    }

    private async Task SeedAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiA.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", OperatorKey);
        var tenant = await http.PostAsJsonAsync("/api/v1/tenants", new { name = "E2E", adminEmail = AdminEmail, adminPassword = Password });
        Assert.True(tenant.IsSuccessStatusCode, await tenant.Content.ReadAsStringAsync());
        TenantId = (await tenant.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        using var admin = await SignInAsync(ApiA);
        var agent = await admin.PostJsonAsync("/api/v1/agents", new { email = AgentEmail, name = "Bea Agent", password = Password, role = "agent" });
        AgentId = agent.Body.GetProperty("id").GetString()!;

        var emulatorHttp = new HttpClient { BaseAddress = Emulator.BaseAddress };
        (await emulatorHttp.PostAsJsonAsync("/_emulator/numbers", new
        {
            phoneNumberId = PhoneNumberId,
            wabaId = WabaId,
            displayPhoneNumber = "15550109999",
            accessToken = AccessToken,
            appSecret = AppSecret,
            webhookUrl = new Uri(ApiB.BaseAddress, "/webhooks/whatsapp").ToString(),
            throughputPerSecond = 200,
            pairRateBurst = 0,
            templateApprovalDelayMs = 0,
        })).EnsureSuccessStatusCode();
        Customers = new EmulatorControl(emulatorHttp, PhoneNumberId);

        var channel = await admin.PostJsonAsync("/api/v1/channels", new
        {
            type = "whatsapp",
            name = "E2E line",
            displayPhoneNumber = "+15550109999",
            phoneNumberId = PhoneNumberId,
            wabaId = WabaId,
            accessToken = AccessToken,
            appSecret = AppSecret,
            verifyToken = "e2e-verify",
            graphBaseUrl = Emulator.BaseAddress.ToString().TrimEnd('/'),
        });
        Assert.True(channel.Status == System.Net.HttpStatusCode.Created, channel.Body.ToString());
        ChannelId = channel.Body.GetProperty("id").GetString()!;

        await ApprovedTemplateAsync(admin, TemplateName, "utility",
            new { type = "BODY", text = "Hi {{1}}, your order {{2}} is on its way.", example = new { body_text = new[] { new[] { "Maria", "A-100" } } } });

        await WarmUpAsync(admin);
    }

    /// <summary>An en_US template of the seeded number, created and submitted through the Api, once the emulator's review approved it.</summary>
    public async Task ApprovedTemplateAsync(ApiSession admin, string name, string category, params object[] components)
    {
        var template = await admin.PostJsonAsync("/api/v1/templates", new { name, language = "en_US", category, channelId = ChannelId, components });
        Assert.True(template.Status == System.Net.HttpStatusCode.Created, template.Body.ToString());
        var templateId = template.Body.GetProperty("id").GetString()!;
        var submitted = await admin.PostJsonAsync($"/api/v1/templates/{templateId}/submit", new { });
        Assert.True((int)submitted.Status < 300, submitted.Body.ToString());
        await Eventually.TrueAsync(
            async () => (await admin.GetJsonAsync($"/api/v1/templates/{templateId}")).GetProperty("status").GetString() == "approved",
            TimeSpan.FromSeconds(20), $"template {name} to be approved by the emulator's review webhook");
    }

    /// <summary>
    /// Messages through the whole path (webhook on B, turn, publish, relay on A, a screen) until one
    /// goes through briskly, so tests measure a running system rather than five processes still
    /// compiling their hot paths on two cores.
    /// </summary>
    private async Task WarmUpAsync(ApiSession admin)
    {
        await using var screen = await NodeAgent.ConnectAsync(ApiA.BaseAddress, admin.CookieHeader);
        var waId = NewCustomer();
        for (var round = 1; round <= 30; round++)
        {
            var text = $"warm-up {round}";
            await Customers.CustomerSendsTextAsync(waId, text);
            var acknowledged = DateTimeOffset.UtcNow;
            var (_, seenAt) = await screen.WaitForEventAsync("conversationUpdated", p =>
                p.TryGetProperty("conversation", out var c) && c.GetProperty("lastMessage").GetProperty("preview").GetString() == text, TimeSpan.FromSeconds(30));
            if (seenAt - acknowledged < TimeSpan.FromMilliseconds(250))
            {
                break;
            }
        }

        var conversationId = await ConversationOfAsync(admin, waId);
        await admin.PostJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { type = "text", text = "warm-up reply" });
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
