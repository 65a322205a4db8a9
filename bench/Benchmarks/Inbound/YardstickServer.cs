using Switchboard.Testing;

namespace Switchboard.Benchmarks.Inbound;

/// <summary>bench/Yardstick from its Release build, over a fresh database of its own on the product's PostgreSQL server.</summary>
public sealed class YardstickServer : IAsyncDisposable
{
    private YardstickServer(PostgresDatabase database, ChildProcess process)
    {
        Database = database;
        Process = process;
    }

    public PostgresDatabase Database { get; }

    public ChildProcess Process { get; }

    public Uri WebhookTarget => new(Process.BaseAddress, "/webhooks/whatsapp");

    public Uri Hub => new(Process.BaseAddress, "/hubs/inbox");

    /// <param name="appSecret">The secret the webhooks are signed with.</param>
    /// <param name="adminConnectionString">The PostgreSQL server to use (the test server unless given).</param>
    public static async Task<YardstickServer> StartAsync(string appSecret, string? adminConnectionString = null)
    {
        var database = adminConnectionString is null ? new PostgresDatabase() : PostgresDatabase.On(adminConnectionString);
        await database.InitializeAsync();
        var process = await ChildProcess.StartAsync("yardstick", ChildProcess.Build("bench", "Yardstick"), new Dictionary<string, string>
        {
            ["Yardstick:ConnectionString"] = ServerPool.ConnectionString(database),
            ["Yardstick:AppSecret"] = appSecret,
        }, "/healthz");
        return new YardstickServer(database, process);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Database.DisposeAsync();
    }
}
